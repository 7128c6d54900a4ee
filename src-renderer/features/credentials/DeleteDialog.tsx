import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { useStore } from '../../app/store';
import { environmentLabel, kindLabel, providerLabel } from '../../lib/format';

/** The confirm step before a delete: the secret goes from the keychain, and there is no undo. */
export function DeleteDialog({ credential, onClose }: { credential: CredentialView; onClose(): void }): ReactElement {
  const remove = useStore((s) => s.deleteCredential);
  const busy = useStore((s) => s.busy[credential.id]);
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    cancel.current?.focus();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  function onKey(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const items = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  async function onDelete(): Promise<void> {
    if (await remove(credential.id)) onClose();
  }

  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="delete-title"
        aria-describedby="delete-desc"
        onKeyDown={onKey}
      >
        <h2 id="delete-title">Delete “{credential.label}”?</h2>
        <div id="delete-desc">
          <p>
            This removes the {providerLabel(credential.provider)} {kindLabel(credential.kind).toLowerCase()} (
            {environmentLabel(credential.environment).toLowerCase()}) from your OS keychain. It cannot be undone; the credential itself stays valid at{' '}
            {providerLabel(credential.provider)} until you revoke it there.
          </p>
          <p className="mono dialog-fingerprint">{credential.fingerprint}</p>
        </div>
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" disabled={busy === 'delete'} onClick={() => void onDelete()}>
            {busy === 'delete' ? 'Deleting…' : 'Delete credential'}
          </button>
        </div>
      </div>
    </div>
  );
}
