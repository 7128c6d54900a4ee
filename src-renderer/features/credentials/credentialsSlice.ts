// Credentials: the list of views, the proposals for pending imports, and the actions. Every
// action goes to main through callMain (app/appSlice.ts); values never come back, only views.
import type { StateCreator } from 'zustand';
import type { CredentialView, PendingImport, Proposal, RequestOf } from '@shared/contract';
import type { CopyFormat } from '@shared/vocabulary';
import { FOCUS } from '../../app/appSlice';
import type { AppState } from '../../app/store';

export type BusyAction = 'confirm' | 'discard' | 'rename' | 'copy' | 'delete';
export type ConfirmInput = RequestOf<'credentials.confirm'>;

export interface CredentialsSlice {
  credentials: CredentialView[];
  credentialsStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** Main's proposal per pending credential id, from the import that created it. */
  proposals: Record<string, Proposal>;
  pasting: boolean;
  importingFile: boolean;
  busy: Record<string, BusyAction>;
  loadCredentials(opts?: { quiet?: boolean }): Promise<void>;
  /** Puts imported or adopted credentials in the list, with main's proposals. */
  addPending(pending: PendingImport[]): void;
  pasteFromClipboard(): Promise<void>;
  importFromFile(): Promise<void>;
  confirmCredential(input: ConfirmInput): Promise<boolean>;
  discardPending(id: string): Promise<boolean>;
  renameCredential(id: string, label: string): Promise<boolean>;
  /** `focusAfter`: where focus goes once the row is gone (a FOCUS key; default the screen). */
  deleteCredential(id: string, focusAfter?: string): Promise<boolean>;
  copySecret(id: string, format: CopyFormat): Promise<boolean>;
  /** Copying a production secret asks once per session; this is the copy waiting for that answer. */
  pendingProductionCopy: { id: string; format: CopyFormat } | null;
  productionCopyConfirmed: boolean;
  confirmProductionCopy(): Promise<void>;
  cancelProductionCopy(): void;
}

function upsert(list: CredentialView[], items: CredentialView[]): CredentialView[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const c of items) byId.set(c.id, c);
  return [...byId.values()];
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const createCredentialsSlice: StateCreator<AppState, [], [], CredentialsSlice> = (set, get) => {
  /** Marks `id` busy with `action` while `run` is in flight. */
  async function busyWhile<T>(id: string, action: BusyAction, run: () => Promise<T>): Promise<T> {
    set((s) => ({ busy: { ...s.busy, [id]: action } }));
    try {
      return await run();
    } finally {
      set((s) => ({ busy: without(s.busy, id) }));
    }
  }

  /** Focus after a pending card goes away: the first card still waiting, else `fallback`. */
  function focusAfterPending(id: string, fallback: string): void {
    const next = get().credentials.find((c) => c.status === 'pending' && c.id !== id);
    get().requestFocus(next ? FOCUS.pending(next.id) : fallback);
  }

  /** Deletes from the keychain and the list; shared by discard (pending) and delete. */
  async function removeCredential(id: string): Promise<boolean> {
    if (!(await get().callMain((k) => k.deleteCredential(id)))) return false;
    set((s) => ({ credentials: s.credentials.filter((c) => c.id !== id), proposals: without(s.proposals, id) }));
    return true;
  }

  return {
    credentials: [],
    credentialsStatus: 'idle',
    proposals: {},
    pasting: false,
    importingFile: false,
    busy: {},

    async loadCredentials(opts = {}) {
      if (!opts.quiet || get().credentialsStatus !== 'ready') set({ credentialsStatus: 'loading' });
      const data = await get().callMain((k) => k.listCredentials());
      if (!data) return set({ credentialsStatus: 'error' });
      const ids = new Set(data.items.map((c) => c.id));
      const proposals = Object.fromEntries(Object.entries(get().proposals).filter(([id]) => ids.has(id)));
      set({ credentials: data.items, proposals, credentialsStatus: 'ready' });
    },

    addPending(pending) {
      set((s) => {
        const proposals = { ...s.proposals };
        for (const p of pending) proposals[p.credential.id] = p.proposal;
        const credentials = upsert(
          s.credentials,
          pending.map((p) => p.credential),
        );
        return { credentials, proposals, credentialsStatus: 'ready', error: null };
      });
    },

    async pasteFromClipboard() {
      set({ pasting: true });
      try {
        const data = await get().callMain((k) => k.importFromClipboard());
        if (!data) return;
        get().addPending([data.pending]);
        get().requestFocus(FOCUS.pending(data.pending.credential.id)); // the card to check and confirm
        get().showNotice({
          message: data.clipboardCleared
            ? 'Read one value from the clipboard and cleared the clipboard. Check the details below and confirm.'
            : 'Read one value from the clipboard. Check the details below and confirm. ' +
              'The clipboard could not be cleared — clear it yourself.',
          details: [],
        });
      } finally {
        set({ pasting: false });
      }
    },

    async importFromFile() {
      set({ importingFile: true });
      try {
        const data = await get().callMain((k) => k.importFromFile());
        if (!data || data.cancelled) return;
        const { fileName, pending, skipped, skippedMore } = data;
        get().addPending(pending);
        // The first card to check; with nothing found, focus stays on Import file (ui/Button).
        if (pending[0]) get().requestFocus(FOCUS.pending(pending[0].credential.id));
        const from = fileName ? ` from ${fileName}` : '';
        const found = plural(pending.length, 'credential', 'credentials');
        const details = skipped.map((s) => `Skipped ${s.envName}: ${s.reason}`);
        // Main names at most 50 keys, and never one that could itself be a secret.
        if (skippedMore > 0) details.push(`And ${plural(skippedMore, 'more key', 'more keys')} not listed.`);
        get().showNotice({
          message:
            pending.length > 0
              ? `Found ${found}${from}. Check the details below and confirm each one.`
              : `No credentials found${from}.`,
          details,
        });
      } finally {
        set({ importingFile: false });
      }
    },

    async confirmCredential(input) {
      return busyWhile(input.id, 'confirm', async () => {
        const view = await get().callMain((k) => k.confirmCredential(input));
        if (!view) return false;
        set((s) => ({ credentials: upsert(s.credentials, [view]), proposals: without(s.proposals, input.id) }));
        focusAfterPending(input.id, FOCUS.credential(input.id));
        return true;
      });
    },

    async discardPending(id) {
      // Discarding a pending import deletes it from the keychain, like delete.
      return busyWhile(id, 'discard', async () => {
        if (!(await removeCredential(id))) return false;
        focusAfterPending(id, FOCUS.main);
        return true;
      });
    },

    async renameCredential(id, label) {
      return busyWhile(id, 'rename', async () => {
        const view = await get().callMain((k) => k.updateCredential({ id, label }));
        if (!view) return false;
        set((s) => ({ credentials: upsert(s.credentials, [view]) }));
        return true;
      });
    },

    async deleteCredential(id, focusAfter = FOCUS.main) {
      return busyWhile(id, 'delete', async () => {
        const removed = await removeCredential(id);
        if (removed) get().requestFocus(focusAfter); // the row and its Delete button are gone
        return removed;
      });
    },

    pendingProductionCopy: null,
    productionCopyConfirmed: false,
    async confirmProductionCopy() {
      const pending = get().pendingProductionCopy;
      set({ pendingProductionCopy: null, productionCopyConfirmed: true });
      if (pending) await get().copySecret(pending.id, pending.format);
    },
    cancelProductionCopy() {
      set({ pendingProductionCopy: null });
    },

    async copySecret(id, format) {
      const production = get().credentials.find((c) => c.id === id)?.environment === 'production';
      if (production && !get().productionCopyConfirmed) {
        set({ pendingProductionCopy: { id, format } });
        return false;
      }
      return busyWhile(id, 'copy', async () => {
        // The credential is listed but its keychain item is gone: offer the check.
        const data = await get().callMain((k) => k.copySecret(id, format), {
          offer: (e) => (e.code === 'KEYCHAIN_ITEM_MISSING' ? 'check-keychain' : undefined),
        });
        if (!data) return false;
        const label = get().credentials.find((c) => c.id === id)?.label ?? '';
        const seconds = data.clearsInSeconds;
        const clearsAt = Date.now() + seconds * 1000;
        set({ toast: { kind: 'copied', format: data.format, label, clearsInSeconds: seconds, clearsAt, production } });
        return true;
      });
    },
  };
};
