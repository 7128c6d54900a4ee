// SecretStore: the only door to the OS keychain (DESIGN invariant 2). One item per secret, the
// account is the credential id, the service name has no spaces, every call is bounded by a timeout.
import type * as KeytarModule from 'keytar';
import type { KeychainState } from '@shared/vocabulary';
import { AppError } from '../errors/app-error';

export interface SecretStore {
  readonly service: string;
  get(account: string): Promise<string | null>;
  /**
   * `newItem`: the account did not exist before this call. If the call times out but the write
   * lands later, the item is removed again, since the caller was told it failed (issue #7).
   */
  set(account: string, secret: string, o?: { newItem?: boolean }): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Accounts stored under our service (values are read by keytar but dropped at once). */
  listAccounts(): Promise<string[]>;
}

export type { KeychainState } from '@shared/vocabulary';

export function keychainStateOf(err: unknown): KeychainState | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === 'KEYCHAIN_UNAVAILABLE') return 'unavailable';
  if (err.code === 'KEYCHAIN_LOCKED') return 'locked';
  if (err.code === 'KEYCHAIN_TIMEOUT') return 'timeout';
  return null;
}

/** Wraps a store so every call reports what it found; values pass through untouched. */
export function observeKeychain(store: SecretStore, onState: (state: KeychainState) => void): SecretStore {
  const watch = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      const out = await work();
      onState('ok');
      return out;
    } catch (e) {
      const state = keychainStateOf(e);
      if (state) onState(state);
      throw e;
    }
  };
  return {
    service: store.service,
    get: (a) => watch(() => store.get(a)),
    set: (a, v, o) => watch(() => store.set(a, v, o)),
    delete: (a) => watch(() => store.delete(a)),
    listAccounts: () => watch(() => store.listAccounts()),
  };
}

type Keytar = typeof KeytarModule;

export const DEFAULT_SERVICE = 'merchant-keychain';
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 10_000;

const HINTS: Record<'unavailable' | 'locked', Partial<Record<NodeJS.Platform, string>> & { default: string }> = {
  unavailable: {
    linux:
      'No Secret Service answered. Install and start gnome-keyring (or KeePassXC with its Secret Service integration) in your desktop session, then restart Merchant Keychain.',
    darwin:
      'macOS Keychain did not answer. Open Keychain Access, check that the login keychain exists, then try again.',
    win32:
      'Windows Credential Manager did not answer. Sign in with your own Windows account (not a guest/service account) and try again.',
    default: 'The OS keychain did not answer. Check that a keychain service is running for your user.',
  },
  locked: {
    linux: 'Your keyring is locked. Unlock the "login" keyring (Passwords and Keys / Seahorse) and try again.',
    darwin:
      'Your login keychain is locked. Unlock it in Keychain Access, allow Merchant Keychain when asked, and try again.',
    win32: 'Windows refused access to Credential Manager. Sign in again and try once more.',
    default: 'The keychain is locked. Unlock it and try again.',
  },
};

export function keychainHint(kind: 'unavailable' | 'locked', platform: NodeJS.Platform = process.platform): string {
  return HINTS[kind][platform] ?? HINTS[kind].default;
}

/** Maps keytar / libsecret / Security.framework failures onto typed errors with platform advice. */
export function classifyKeychainFailure(err: unknown, platform: NodeJS.Platform = process.platform): AppError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/locked|prompt.*dismiss|user canceled|interaction is not allowed|-25308/i.test(msg)) {
    return new AppError('KEYCHAIN_LOCKED', 'The keychain is locked.', keychainHint('locked', platform));
  }
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    'The OS keychain is not available.',
    keychainHint('unavailable', platform),
  );
}

export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onLate?: (settled: Promise<T>) => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onLate?.(work);
      reject(
        new AppError(
          'KEYCHAIN_TIMEOUT',
          `The keychain took longer than ${Math.round(ms / 1000)} s to ${what}.`,
          'It may be waiting for you to unlock it in another window. Unlock it and try again.',
        ),
      );
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface KeytarStoreOptions {
  service?: string;
  timeoutMs?: number;
  /** Injected for tests of the timeout and error paths; defaults to the real keytar module. */
  keytar?: Pick<Keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;
  /**
   * A write we reported as timed out that completed later would leave a secret no metadata knows:
   * it is removed again, and this hears what happened (for the audit log; never the value).
   */
  onLateWrite?: (account: string, outcome: 'removed' | 'remove_failed' | 'never_completed') => void;
}

export function createKeytarStore(options: KeytarStoreOptions = {}): SecretStore {
  const service = options.service ?? DEFAULT_SERVICE;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(service))
    throw new Error('Keychain service name must be 1-64 characters without spaces.');
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  let kt = options.keytar;
  const load = async (): Promise<NonNullable<KeytarStoreOptions['keytar']>> => {
    // Loaded lazily so a missing native module surfaces as a typed error, not a crash at start.
    if (!kt) {
      const mod = (await import('keytar')) as Keytar & { default?: Keytar };
      kt = mod.default ?? mod;
    }
    return kt;
  };
  const call = async <T>(
    what: string,
    fn: (k: NonNullable<KeytarStoreOptions['keytar']>) => Promise<T>,
    onLate?: (settled: Promise<T>) => void,
  ): Promise<T> => {
    try {
      return await withTimeout(load().then(fn), timeoutMs, what, onLate);
    } catch (e) {
      throw e instanceof AppError ? e : classifyKeychainFailure(e);
    }
  };
  const reconcileLateWrite =
    (account: string) =>
    (settled: Promise<unknown>): void => {
      settled.then(
        async () => {
          const k = await load();
          const removed = await k.deletePassword(service, account).then(
            () => true,
            () => false,
          );
          options.onLateWrite?.(account, removed ? 'removed' : 'remove_failed');
        },
        () => options.onLateWrite?.(account, 'never_completed'),
      );
    };
  return {
    service,
    get: (account) => call('read a secret', (k) => k.getPassword(service, account)),
    set: (account, secret, o) =>
      call(
        'save a secret',
        (k) => k.setPassword(service, account, secret),
        o?.newItem ? reconcileLateWrite(account) : undefined,
      ),
    delete: (account) => call('delete a secret', (k) => k.deletePassword(service, account)),
    listAccounts: () => call('list secrets', async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  };
}
