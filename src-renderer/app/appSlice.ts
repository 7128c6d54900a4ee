// App-wide state: which screen is open, what main says about itself, the error banner, the
// notice line, and the clipboard toast.
import type { StateCreator } from 'zustand';
import type { IpcError, ResponseOf } from '@shared/contract';
import { call, keychain, hasKeychain } from '../lib/keychain';
import type { AppState } from './store';

export type Route = 'credentials' | 'requests' | 'settings';
export type AppInfo = ResponseOf<'app.info'>;
export type CopyFormat = 'raw' | 'env' | 'curl';

export type Toast =
  | { kind: 'copied'; format: CopyFormat; label: string; clearsInSeconds: number; clearsAt: number }
  | { kind: 'cleared'; reason: 'timeout' | 'quit' };

export interface Notice {
  message: string;
  details: string[];
}

export interface AppSlice {
  route: Route;
  appInfo: AppInfo | null;
  appInfoStatus: 'idle' | 'loading' | 'ready' | 'error';
  error: IpcError | null;
  notice: Notice | null;
  toast: Toast | null;
  navigate(route: Route): void;
  loadAppInfo(): Promise<void>;
  showError(error: IpcError): void;
  dismissError(): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  dismissToast(): void;
  /** First load + event subscriptions; returns the unsubscribe function. */
  start(): () => void;
}

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set, get) => ({
  route: 'credentials',
  appInfo: null,
  appInfoStatus: 'idle',
  error: null,
  notice: null,
  toast: null,

  navigate(route) {
    set({ route });
    if (route === 'requests') void get().loadRequests();
    if (route === 'settings') void get().loadSettings();
    if (route === 'credentials') void get().loadCredentials();
  },

  async loadAppInfo() {
    set({ appInfoStatus: 'loading' });
    const r = await call((k) => k.appInfo());
    if (r.ok) set({ appInfo: r.data, appInfoStatus: 'ready' });
    else {
      set({ appInfoStatus: 'error' });
      get().showError(r.error);
    }
  },

  showError(error) {
    set({ error });
  },
  dismissError() {
    set({ error: null });
  },
  showNotice(notice) {
    set({ notice });
  },
  dismissNotice() {
    set({ notice: null });
  },
  dismissToast() {
    set({ toast: null });
  },

  start() {
    void get().loadAppInfo();
    void get().loadCredentials();
    void get().loadSettings();
    if (!hasKeychain()) return () => {};
    const api = keychain();
    const offs = [
      api.onCredentialsChanged(() => void get().loadCredentials({ quiet: true })),
      api.onClipboardCleared(({ reason }) => {
        // Only replace a copy toast (or nothing); never resurrect a dismissed one.
        if (get().toast !== null) set({ toast: { kind: 'cleared', reason } });
      }),
    ];
    return () => offs.forEach((off) => off());
  },
});
