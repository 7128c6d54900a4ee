// Credentials: the list of views, the proposals for pending imports, and the actions. Every
// action goes to main through lib/keychain; values never come back, only views.
import type { StateCreator } from 'zustand';
import type { CredentialView, PendingImport, Proposal, RequestOf } from '@shared/contract';
import { call } from '../../lib/keychain';
import type { AppState } from '../../app/store';
import type { CopyFormat } from '../../app/appSlice';

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
  pasteFromClipboard(): Promise<void>;
  importFromFile(): Promise<void>;
  confirmCredential(input: ConfirmInput): Promise<boolean>;
  discardPending(id: string): Promise<boolean>;
  renameCredential(id: string, label: string): Promise<boolean>;
  deleteCredential(id: string): Promise<boolean>;
  copySecret(id: string, format: CopyFormat): Promise<boolean>;
}

function upsert(list: CredentialView[], items: CredentialView[]): CredentialView[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const c of items) byId.set(c.id, c);
  return [...byId.values()];
}

function withProposals(current: Record<string, Proposal>, pending: PendingImport[]): Record<string, Proposal> {
  const next = { ...current };
  for (const p of pending) next[p.credential.id] = p.proposal;
  return next;
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const next = { ...record };
  delete next[id];
  return next;
}

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

  /** Deletes from the keychain and the list; shared by discard (pending) and delete. */
  async function removeCredential(id: string): Promise<boolean> {
    const r = await call((k) => k.deleteCredential(id));
    if (!r.ok) {
      get().showError(r.error);
      return false;
    }
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
      const r = await call((k) => k.listCredentials());
      if (r.ok) {
        const ids = new Set(r.data.items.map((c) => c.id));
        const proposals = Object.fromEntries(Object.entries(get().proposals).filter(([id]) => ids.has(id)));
        set({ credentials: r.data.items, proposals, credentialsStatus: 'ready' });
      } else {
        set({ credentialsStatus: 'error' });
        get().showError(r.error);
      }
    },

    async pasteFromClipboard() {
      set({ pasting: true });
      try {
        const r = await call((k) => k.importFromClipboard());
        if (!r.ok) return get().showError(r.error);
        const { pending, clipboardCleared } = r.data;
        set((s) => ({
          credentials: upsert(s.credentials, [pending.credential]),
          proposals: withProposals(s.proposals, [pending]),
          credentialsStatus: 'ready',
          error: null,
        }));
        get().showNotice({
          message: clipboardCleared
            ? 'Read one value from the clipboard and cleared the clipboard. Check the details below and confirm.'
            : 'Read one value from the clipboard. Check the details below and confirm. The clipboard could not be cleared — clear it yourself.',
          details: [],
        });
      } finally {
        set({ pasting: false });
      }
    },

    async importFromFile() {
      set({ importingFile: true });
      try {
        const r = await call((k) => k.importFromFile());
        if (!r.ok) return get().showError(r.error);
        const { cancelled, fileName, pending, skipped } = r.data;
        if (cancelled) return;
        set((s) => ({
          credentials: upsert(
            s.credentials,
            pending.map((p) => p.credential),
          ),
          proposals: withProposals(s.proposals, pending),
          credentialsStatus: 'ready',
          error: null,
        }));
        const from = fileName ? ` from ${fileName}` : '';
        const found = pending.length === 1 ? '1 credential' : `${pending.length} credentials`;
        get().showNotice({
          message:
            pending.length > 0
              ? `Found ${found}${from}. Check the details below and confirm each one.`
              : `No credentials found${from}.`,
          details: skipped.map((s) => `Skipped ${s.envName}: ${s.reason}`),
        });
      } finally {
        set({ importingFile: false });
      }
    },

    async confirmCredential(input) {
      return busyWhile(input.id, 'confirm', async () => {
        const r = await call((k) => k.confirmCredential(input));
        if (!r.ok) {
          get().showError(r.error);
          return false;
        }
        set((s) => ({ credentials: upsert(s.credentials, [r.data]), proposals: without(s.proposals, input.id) }));
        return true;
      });
    },

    async discardPending(id) {
      // Discarding a pending import deletes it from the keychain, like delete.
      return busyWhile(id, 'discard', () => removeCredential(id));
    },

    async renameCredential(id, label) {
      return busyWhile(id, 'rename', async () => {
        const r = await call((k) => k.updateCredential({ id, label }));
        if (!r.ok) {
          get().showError(r.error);
          return false;
        }
        set((s) => ({ credentials: upsert(s.credentials, [r.data]) }));
        return true;
      });
    },

    async deleteCredential(id) {
      return busyWhile(id, 'delete', () => removeCredential(id));
    },

    async copySecret(id, format) {
      return busyWhile(id, 'copy', async () => {
        const r = await call((k) => k.copySecret(id, format));
        if (!r.ok) {
          get().showError(r.error);
          return false;
        }
        const label = get().credentials.find((c) => c.id === id)?.label ?? '';
        const seconds = r.data.clearsInSeconds;
        set({ toast: { kind: 'copied', format: r.data.format, label, clearsInSeconds: seconds, clearsAt: Date.now() + seconds * 1000 } });
        return true;
      });
    },
  };
};
