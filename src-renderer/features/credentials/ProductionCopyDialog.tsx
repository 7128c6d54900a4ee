// Copying a production secret asks once per session (issue #10): a live merchant's key on the
// clipboard is worth a second look. After "Copy production secret" the session does not ask again;
// the toast still says PRODUCTION each time.
import type { ReactElement } from 'react';
import { useStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function ProductionCopyDialog(): ReactElement | null {
  const pending = useStore((s) => s.pendingProductionCopy);
  const label = useStore((s) => s.credentials.find((c) => c.id === pending?.id)?.label);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title="Copy a PRODUCTION secret?"
      confirmLabel="Copy production secret"
      busyLabel="Copying…"
      busy={false}
      onConfirm={() => void useStore.getState().confirmProductionCopy()}
      onCancel={() => useStore.getState().cancelProductionCopy()}
    >
      <p>
        &quot;{label}&quot; is a production credential: it works on a live merchant. It is cleared from the clipboard
        after the countdown. You will not be asked again in this session.
      </p>
    </ConfirmDialog>
  );
}
