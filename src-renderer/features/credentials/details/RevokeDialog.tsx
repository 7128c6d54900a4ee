// Revoking a Square token: the preview says what ends (Square revokes ALL of the app's tokens for
// that merchant unless only the access token is chosen), the user picks, then confirms.
import { useEffect, useState, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { useStore } from '../../../app/store';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import type { RevokePreview } from './detailsSlice';

export function RevokeDialog(props: { credential: CredentialView; onClose(): void }): ReactElement | null {
  const { credential: c, onClose } = props;
  const [preview, setPreview] = useState<RevokePreview | null>(null);
  const [onlyAccess, setOnlyAccess] = useState(true);
  const busy = useStore((s) => s.detailsBusy[c.id] === 'revoke');

  useEffect(() => {
    let live = true;
    void useStore
      .getState()
      .previewRevoke(c.id)
      .then((p) => {
        if (!live) return;
        if (p) setPreview(p);
        else onClose(); // main's error is in the banner
      });
    return () => {
      live = false;
    };
  }, [c.id, onClose]);

  if (!preview) return null;
  if (!preview.canRevoke) {
    return (
      <ConfirmDialog
        title="This token cannot be revoked from here"
        confirmLabel="Close"
        busyLabel="Close"
        busy={false}
        onConfirm={onClose}
        onCancel={onClose}
      >
        <p>{preview.whyNot}</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={`Revoke "${c.label}" at Square?`}
      confirmLabel={onlyAccess ? 'Revoke this access token' : 'Revoke all tokens'}
      busyLabel="Revoking…"
      busy={busy}
      onConfirm={() => void useStore.getState().revoke(c.id, onlyAccess).then(onClose)}
      onCancel={onClose}
    >
      <fieldset className="revoke-choice">
        <legend>What to revoke</legend>
        <label>
          <input type="radio" name="revoke-scope" checked={onlyAccess} onChange={() => setOnlyAccess(true)} /> Only this
          access token. {preview.onlyAccessNote}
        </label>
        <label>
          <input type="radio" name="revoke-scope" checked={!onlyAccess} onChange={() => setOnlyAccess(false)} /> All of
          the app&apos;s tokens for this merchant. {preview.revokeAllWarning}
          {preview.otherCredentialIds.length > 0
            ? ` ${preview.otherCredentialIds.length} other saved token(s) would stop working too.`
            : ''}
        </label>
      </fieldset>
    </ConfirmDialog>
  );
}
