// The keychain check (credentials.checkConsistency) and what the user does with what it finds:
// credentials whose keychain item is missing are marked in the list; keychain items no credential
// knows (orphans) are adopted as pending credentials or deleted. Nothing is repaired unasked.
import type { StateCreator } from 'zustand';
import type { ConsistencyReport } from '@shared/contract';
import { FOCUS } from '../../app/appSlice';
import type { AppState } from '../../app/store';
import { without } from './credentialsSlice';

export type OrphanAction = 'adopt' | 'delete';

export interface KeychainCheckSlice {
  /** The last report the user asked for; null until then (listing never touches the keychain). */
  keychainCheck: ConsistencyReport | null;
  checkingKeychain: boolean;
  orphanBusy: Record<string, OrphanAction>;
  /** `focus`: move focus to the report when it arrives (default true). */
  checkKeychain(opts?: { focus?: boolean }): Promise<boolean>;
  dismissKeychainCheck(): void;
  adoptOrphan(account: string): Promise<boolean>;
  deleteOrphan(account: string): Promise<boolean>;
}

export const createKeychainCheckSlice: StateCreator<AppState, [], [], KeychainCheckSlice> = (set, get) => {
  async function busyWhile(account: string, action: OrphanAction, run: () => Promise<boolean>): Promise<boolean> {
    set((s) => ({ orphanBusy: { ...s.orphanBusy, [account]: action } }));
    try {
      return await run();
    } finally {
      set((s) => ({ orphanBusy: without(s.orphanBusy, account) }));
    }
  }

  /** Takes `account` off the report's orphan list; answers the one to focus next, if any. */
  function resolveOrphan(account: string): string | null {
    const report = get().keychainCheck;
    if (!report) return null;
    const list = report.orphansInKeychain;
    const at = list.indexOf(account);
    const rest = list.filter((a) => a !== account);
    set({ keychainCheck: { ...report, orphansInKeychain: rest } });
    return rest[Math.min(Math.max(at, 0), rest.length - 1)] ?? null;
  }

  return {
    keychainCheck: null,
    checkingKeychain: false,
    orphanBusy: {},

    async checkKeychain(opts = {}) {
      set({ checkingKeychain: true });
      try {
        const report = await get().callMain((k) => k.checkConsistency());
        if (!report) return false;
        set({ keychainCheck: report });
        if (opts.focus !== false) get().requestFocus(FOCUS.keychainCheck);
        return true;
      } finally {
        set({ checkingKeychain: false });
      }
    },

    dismissKeychainCheck() {
      set({ keychainCheck: null });
    },

    async adoptOrphan(account) {
      return busyWhile(account, 'adopt', async () => {
        const pending = await get().callMain((k) => k.adoptOrphan(account));
        if (!pending) return false;
        resolveOrphan(account);
        get().addPending([pending]);
        get().showNotice({
          message: 'The keychain item is a pending credential again. Check what was detected below and confirm.',
          details: [],
        });
        get().requestFocus(FOCUS.pending(pending.credential.id));
        return true;
      });
    },

    async deleteOrphan(account) {
      return busyWhile(account, 'delete', async () => {
        if (!(await get().callMain((k) => k.deleteOrphan(account)))) return false;
        const next = resolveOrphan(account);
        get().requestFocus(next ? FOCUS.orphan(next) : FOCUS.keychainCheck);
        return true;
      });
    },
  };
};
