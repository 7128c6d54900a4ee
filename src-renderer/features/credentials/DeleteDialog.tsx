// The confirm step before a delete: the secret goes from the keychain, and there is no undo.
import type { ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { useStore } from '../../app/store';
import { environmentLabel, kindLabel, providerLabel } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** `focusAfter`: a FOCUS key for after the delete (the table passes the next row). */
export function DeleteDialog(props: {
  credential: CredentialView;
  focusAfter?: string;
  onClose(): void;
}): ReactElement {
  const { credential, onClose } = props;
  const remove = useStore((s) => s.deleteCredential);
  const busy = useStore((s) => s.busy[credential.id]);
  const provider = providerLabel(credential.provider);

  async function onDelete(): Promise<void> {
    if (await remove(credential.id, props.focusAfter)) onClose();
  }

  return (
    <ConfirmDialog
      title={`Delete “${credential.label}”?`}
      confirmLabel="Delete credential"
      busyLabel="Deleting…"
      busy={busy === 'delete'}
      onConfirm={() => void onDelete()}
      onCancel={onClose}
    >
      <p>
        This removes the {provider} {kindLabel(credential.kind).toLowerCase()} (
        {environmentLabel(credential.environment).toLowerCase()}) from your OS keychain. It cannot be undone; the
        credential itself stays valid at {provider} until you revoke it there.
      </p>
      <p className="mono dialog-fingerprint">{credential.fingerprint}</p>
    </ConfirmDialog>
  );
}
