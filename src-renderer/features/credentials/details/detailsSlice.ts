// The details panel's actions on one credential (issues #8/#9): inspect, refresh, revoke (Square),
// fetch the PAKMS key and migrate (Clover), connect a sandbox merchant, and "inspect once" from the
// clipboard. Every call goes to main through callMain; answers carry views and verdicts, never a
// value. The last inspection per credential is kept here (this session) for its reason and checklist.
import type { StateCreator } from 'zustand';
import type { InspectionView, ResponseOf } from '@shared/contract';
import type { AppState } from '../../../app/store';
import { formatDateTime } from '../../../lib/format';

export type DetailsAction = 'inspect' | 'refresh' | 'revoke' | 'pakms' | 'migrate';
export type RevokePreview = ResponseOf<'square.revokePreview'>;
export type ClipboardInspection = ResponseOf<'credentials.inspectClipboard'>;

/** The outcome of the last action, shown in the panel (a status region). */
export interface DetailsMessage {
  id: string;
  tone: 'ok' | 'warn';
  text: string;
}

export interface DetailsSlice {
  inspections: Record<string, InspectionView>;
  detailsBusy: Record<string, DetailsAction>;
  detailsMessage: DetailsMessage | null;
  /** The answer of "Inspect clipboard…" (nothing was stored), until dismissed. */
  clipboardInspection: ClipboardInspection | null;
  inspectingClipboard: boolean;
  /** A connect waiting for the browser: which provider. */
  connecting: 'clover' | 'square' | null;
  inspectOne(id: string): Promise<void>;
  refreshOne(id: string): Promise<void>;
  fetchPakmsKey(id: string): Promise<void>;
  migrateToken(id: string): Promise<void>;
  previewRevoke(id: string): Promise<RevokePreview | null>;
  revoke(id: string, onlyAccessToken: boolean): Promise<boolean>;
  inspectClipboard(): Promise<void>;
  dismissClipboardInspection(): void;
  connectClover(appId: string): Promise<void>;
  connectSquare(applicationCredentialId: string): Promise<void>;
  cancelConnect(): Promise<void>;
}

export const createDetailsSlice: StateCreator<AppState, [], [], DetailsSlice> = (set, get) => {
  /** Runs one action on `id`, marking it busy; the answer or null (main's error is in the banner). */
  async function act<T extends object>(
    id: string,
    action: DetailsAction,
    fn: Parameters<AppState['callMain']>[0],
  ): Promise<T | null> {
    set((s) => ({ detailsBusy: { ...s.detailsBusy, [id]: action }, detailsMessage: null }));
    try {
      return (await get().callMain(fn)) as T | null;
    } finally {
      set((s) => {
        const next = { ...s.detailsBusy };
        delete next[id];
        return { detailsBusy: next };
      });
    }
  }
  const say = (id: string, text: string, tone: DetailsMessage['tone'] = 'ok'): void =>
    set({ detailsMessage: { id, tone, text } });
  const reload = (): Promise<void> => get().loadCredentials({ quiet: true });

  return {
    inspections: {},
    detailsBusy: {},
    detailsMessage: null,
    clipboardInspection: null,
    inspectingClipboard: false,
    connecting: null,

    async inspectOne(id) {
      const r = await act<InspectionView>(id, 'inspect', (k) => k.inspectCredential(id));
      if (!r) return;
      set((s) => ({ inspections: { ...s.inspections, [id]: r } }));
      await reload();
    },

    async refreshOne(id) {
      const r = await act<ResponseOf<'credentials.refresh'>>(id, 'refresh', (k) => k.refreshCredential(id));
      if (!r) return;
      const access = r.credentials.find((c) => c.kind === 'access_token');
      const until = access?.expiresAt ? ` The new access token expires ${formatDateTime(access.expiresAt)}.` : '';
      if (r.saved) say(id, `Refreshed.${until}`);
      else
        say(
          id,
          `Refreshed at the vendor, but the keychain did not take the new pair yet. It is kept in memory and saved again shortly; keep the app open.${until}`,
          'warn',
        );
      await reload();
      // The pair keeps its ids; if the selected one is gone, follow the new access token.
      if (access && !get().credentials.some((c) => c.id === id)) get().selectCredential(access.id);
    },

    async fetchPakmsKey(id) {
      const r = await act<ResponseOf<'clover.fetchPakmsKey'>>(id, 'pakms', (k) => k.fetchCloverPakmsKey(id));
      if (!r) return;
      say(
        id,
        r.alreadyStored
          ? `This merchant's PAKMS key is already saved as "${r.credential.label}".`
          : `PAKMS key saved as "${r.credential.label}".`,
      );
      await reload();
    },

    async migrateToken(id) {
      const r = await act<ResponseOf<'clover.migrateToken'>>(id, 'migrate', (k) => k.migrateCloverToken(id));
      if (!r) return;
      say(id, `Migrated to a v2 token pair (${r.credentials.map((c) => `"${c.label}"`).join(' and ')}).`);
      await reload();
    },

    previewRevoke(id) {
      return get().callMain((k) => k.squareRevokePreview(id));
    },

    async revoke(id, onlyAccessToken) {
      const r = await act<ResponseOf<'square.revoke'>>(id, 'revoke', (k) => k.squareRevoke({ id, onlyAccessToken }));
      if (!r) return false;
      say(id, r.message, r.alsoAffectedIds.length > 0 ? 'warn' : 'ok');
      await reload();
      return true;
    },

    async inspectClipboard() {
      set({ inspectingClipboard: true, clipboardInspection: null });
      try {
        const r = await get().callMain((k) => k.inspectClipboard());
        if (r) set({ clipboardInspection: r });
      } finally {
        set({ inspectingClipboard: false });
      }
    },
    dismissClipboardInspection() {
      set({ clipboardInspection: null });
    },

    async connectClover(appId) {
      set({ connecting: 'clover' });
      try {
        const r = await get().callMain((k) => k.connectClover({ environment: 'sandbox', appId }));
        if (r && r.credentials[0]) {
          say(r.credentials[0].id, `Connected merchant ${r.merchantId}: its token pair is saved.`);
          await reload();
          get().selectCredential(r.credentials[0].id);
        }
      } finally {
        set({ connecting: null });
      }
    },

    async connectSquare(applicationCredentialId) {
      set({ connecting: 'square' });
      try {
        const r = await get().callMain((k) =>
          k.squareConnect({ environment: 'sandbox', applicationId: applicationCredentialId }),
        );
        if (r && r.credentials[0]) {
          say(r.credentials[0].id, `Connected seller ${r.merchantId}: its token pair is saved.`);
          await reload();
          get().selectCredential(r.credentials[0].id);
        }
      } finally {
        set({ connecting: null });
      }
    },

    async cancelConnect() {
      const which = get().connecting;
      if (which === 'clover') await get().callMain((k) => k.cancelCloverConnect());
      if (which === 'square') await get().callMain((k) => k.squareCancelConnect());
    },
  };
};
