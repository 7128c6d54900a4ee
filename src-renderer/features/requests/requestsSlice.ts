// The outbound HTTP request log, as main reports it (paths already redacted by main).
import type { StateCreator } from 'zustand';
import type { RequestLogEntry, ResponseOf } from '@shared/contract';
import type { Environment, Provider } from '@shared/vocabulary';
import type { AppState } from '../../app/store';

export const REQUEST_LOG_LIMIT = 200;

export type ConnectionCheck = ResponseOf<'network.check'> & { provider: Provider; environment: Environment };

export interface RequestsSlice {
  requests: RequestLogEntry[];
  requestsStatus: 'idle' | 'loading' | 'ready' | 'error';
  checkingConnection: boolean;
  /** The last "Check connection" result (no credential is sent by that check). */
  connectionCheck: ConnectionCheck | null;
  /** The last "Copy as curl", as shown (secrets scrubbed by main); the clipboard has the real one. */
  copiedCurl: { id: string; redacted: string } | null;
  loadRequests(): Promise<void>;
  copyRequestAsCurl(entry: RequestLogEntry): Promise<void>;
  checkConnection(provider: Provider, environment: Environment): Promise<void>;
}

export const createRequestsSlice: StateCreator<AppState, [], [], RequestsSlice> = (set, get) => ({
  requests: [],
  requestsStatus: 'idle',
  checkingConnection: false,
  connectionCheck: null,
  copiedCurl: null,
  async copyRequestAsCurl(entry) {
    const r = await get().callMain((k) => k.copyRequestAsCurl(entry.id));
    if (!r) return;
    const clearsAt = Date.now() + r.clearsInSeconds * 1000;
    set({
      copiedCurl: { id: entry.id, redacted: r.redacted },
      toast: {
        kind: 'copied',
        format: 'curl',
        label: `${entry.method} ${entry.path}`,
        clearsInSeconds: r.clearsInSeconds,
        clearsAt,
      },
    });
  },
  async loadRequests() {
    set({ requestsStatus: 'loading' });
    const data = await get().callMain((k) => k.listRequests(REQUEST_LOG_LIMIT));
    if (!data) return set({ requestsStatus: 'error' });
    // Newest first, whatever order main keeps them in.
    const items = [...data.items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    set({ requests: items, requestsStatus: 'ready' });
  },
  async checkConnection(provider, environment) {
    set({ checkingConnection: true, connectionCheck: null });
    try {
      const data = await get().callMain((k) => k.checkNetwork({ provider, environment }));
      if (!data) return;
      set({ connectionCheck: { ...data, provider, environment } });
    } finally {
      set({ checkingConnection: false });
    }
    await get().loadRequests();
  },
});
