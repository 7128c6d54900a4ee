// The outbound HTTP request log, as main reports it (paths already redacted by main).
import type { StateCreator } from 'zustand';
import type { RequestLogEntry } from '../../../src-main/ipc/contract';
import { call } from '../../lib/keychain';
import type { AppState } from '../../app/store';

export const REQUEST_LOG_LIMIT = 200;

export interface RequestsSlice {
  requests: RequestLogEntry[];
  requestsStatus: 'idle' | 'loading' | 'ready' | 'error';
  loadRequests(): Promise<void>;
}

export const createRequestsSlice: StateCreator<AppState, [], [], RequestsSlice> = (set, get) => ({
  requests: [],
  requestsStatus: 'idle',
  async loadRequests() {
    set({ requestsStatus: 'loading' });
    const r = await call((k) => k.listRequests(REQUEST_LOG_LIMIT));
    if (r.ok) {
      // Newest first, whatever order main keeps them in.
      const items = [...r.data.items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
      set({ requests: items, requestsStatus: 'ready' });
    } else {
      set({ requestsStatus: 'error' });
      get().showError(r.error);
    }
  },
});
