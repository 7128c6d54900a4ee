// Whether actions that write are allowed, and why not: every button that would change the
// credentials index (paste, import, confirm, rename, delete, adopt, settings) asks this.
import { writeLockReason } from './appSlice';
import { useStore } from './store';
import { VAULT_NOTICE_ID } from './VaultNotice';

export interface WriteLock {
  /** null when writes are allowed. */
  reason: string | null;
  /** For aria-describedby on a disabled control: the notice that explains it. */
  describedBy: string | undefined;
}

export function useWriteLock(): WriteLock {
  const reason = useStore((s) => writeLockReason(s.appInfo));
  return { reason, describedBy: reason ? VAULT_NOTICE_ID : undefined };
}
