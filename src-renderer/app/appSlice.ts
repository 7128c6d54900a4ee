// App-wide state: which screen is open, what main says about itself (keychain, credentials index),
// the error banner, the notice line, the clipboard toast and where focus goes next. callMain() is
// the one way every slice calls main: it answers the data, or shows the error and answers null.
import type { StateCreator } from 'zustand';
import type { IpcError, ResponseOf } from '@shared/contract';
import type { CopyFormat, KeychainState } from '@shared/vocabulary';
import { call, hasKeychain, keychain, type KeychainApi, type Result } from '../lib/keychain';
import type { ScreenId } from './routes';
import type { AppState } from './store';

export type AppInfo = ResponseOf<'app.info'>;

/** Focus targets a slice can ask for after an action (see app/focus.ts). */
export const FOCUS = {
  main: 'main',
  keychainCheck: 'keychain-check',
  /** The toolbar's Check keychain button (after the report is hidden). */
  checkKeychainButton: 'check-keychain-button',
  pending: (id: string) => `pending:${id}`,
  credential: (id: string) => `credential:${id}`,
  orphan: (account: string) => `orphan:${account}`,
} as const;

/** Something the error banner offers besides dismissing it. */
export type ErrorOffer = 'check-keychain';
export type ShownError = IpcError & { offer?: ErrorOffer };

export interface CallOptions {
  /** What the banner offers for this error, e.g. "Check keychain" when an item is missing. */
  offer?(error: IpcError): ErrorOffer | undefined;
}

export type Toast =
  | {
      kind: 'copied';
      format: CopyFormat;
      label: string;
      clearsInSeconds: number;
      clearsAt: number;
      /** A production secret: the toast says so. */
      production?: boolean;
    }
  | { kind: 'cleared'; reason: 'timeout' | 'quit' };

export interface Notice {
  message: string;
  details: string[];
}

export interface AppSlice {
  /** The open screen; change it with navigate() from ./routes, which also loads what it shows. */
  route: ScreenId;
  appInfo: AppInfo | null;
  appInfoStatus: 'idle' | 'loading' | 'ready' | 'error';
  retryingKeychain: boolean;
  error: ShownError | null;
  notice: Notice | null;
  toast: Toast | null;
  /** A key a component watches to take focus after an action (see app/focus.ts). */
  focusRequest: string | null;
  showScreen(route: ScreenId): void;
  callMain<T extends object>(fn: (api: KeychainApi) => Promise<Result<T>>, opts?: CallOptions): Promise<T | null>;
  loadAppInfo(): Promise<void>;
  /** Asks the keychain again (a consistency check), then reloads app.info for its state. */
  retryKeychain(): Promise<void>;
  dismissError(): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  dismissToast(): void;
  requestFocus(key: string | null): void;
  /** First load + event subscriptions; returns the unsubscribe function. */
  start(): () => void;
}

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set, get) => ({
  route: 'credentials',
  appInfo: null,
  appInfoStatus: 'idle',
  retryingKeychain: false,
  error: null,
  notice: null,
  toast: null,
  focusRequest: null,

  showScreen(route) {
    set({ route });
  },

  async callMain(fn, opts = {}) {
    const r = await call(fn);
    if (r.ok) return r.data;
    const offer = opts.offer?.(r.error);
    set({ error: offer ? { ...r.error, offer } : r.error });
    return null;
  },

  async loadAppInfo() {
    set({ appInfoStatus: 'loading' });
    const info = await get().callMain((k) => k.appInfo());
    set(info ? { appInfo: info, appInfoStatus: 'ready' } : { appInfoStatus: 'error' });
  },

  async retryKeychain() {
    set({ retryingKeychain: true });
    try {
      await get().checkKeychain({ focus: false });
      await get().loadAppInfo();
    } finally {
      set({ retryingKeychain: false });
    }
    // The Retry button goes away when the keychain answers: put focus on the screen, not <body>.
    if (get().appInfo?.keychain.state === 'ok') get().requestFocus(FOCUS.main);
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
  requestFocus(key) {
    set({ focusRequest: key });
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
      // Main tells us whenever a keychain call finds something new (locked, back, ...).
      api.onKeychainChanged(({ state }) =>
        set((s) => (s.appInfo ? { appInfo: withKeychainState(s.appInfo, state) } : {})),
      ),
    ];
    return () => offs.forEach((off) => off());
  },
});

function withKeychainState(info: AppInfo, state: KeychainState): AppInfo {
  return { ...info, keychain: { ...info.keychain, state, reachable: state === 'ok' } };
}

const SEE_NOTICE = '(see the notice at the top)';

/** Why writes are turned off, or null: main opened the credentials index read-only or not at all. */
export function writeLockReason(info: AppInfo | null): string | null {
  const state = info?.vault.state;
  if (state === 'read_only') return `Turned off: the credentials index is open read-only ${SEE_NOTICE}.`;
  if (state === 'unavailable') return `Turned off: the credentials index could not be read ${SEE_NOTICE}.`;
  return null;
}
