// A real keytar SecretStore (private test keyring) with faults a test switches on: a call that
// fails as a locked or missing keychain, or a write that stalls past the store's timeout and then
// completes anyway. Only the fault is simulated; every value still goes to the real keychain.
import keytar from 'keytar';
import { AppError } from '../../src-main/errors/app-error';
import { isReservedAccount } from '../../src-main/vault/consistency';
import {
  createKeytarStore,
  keychainHint,
  type KeytarStoreOptions,
  type SecretStore,
} from '../../src-main/vault/secret-store';

export type Fault = 'locked' | 'unavailable';
type Op = 'get' | 'set' | 'delete' | 'list';

export interface FaultyStore extends SecretStore {
  /** Every call of these operations fails with `fault` until `heal()`. */
  breakAll(fault: Fault, ops?: Op[]): void;
  /** The n-th credential `set` from now (1 = the next one) fails with `fault`; others work. */
  failNthSet(n: number, fault: Fault): void;
  /** The next credential `set` stalls `ms` (longer than the store's timeout), then really writes. */
  stallNextSet(ms: number): void;
  heal(): void;
  readonly calls: Record<Op, number>;
}

const errorFor = (fault: Fault): AppError =>
  fault === 'locked'
    ? new AppError('KEYCHAIN_LOCKED', 'The keychain is locked.', keychainHint('locked'))
    : new AppError('KEYCHAIN_UNAVAILABLE', 'The OS keychain is not available.', keychainHint('unavailable'));

export function createFaultyStore(
  service: string,
  o: Pick<KeytarStoreOptions, 'timeoutMs' | 'onLateWrite'> = {},
): FaultyStore {
  let broken: { fault: Fault; ops: Op[] } | null = null;
  let nth: { n: number; fault: Fault } | null = null;
  let stallMs = 0;
  const calls: Record<Op, number> = { get: 0, set: 0, delete: 0, list: 0 };
  const stallingKeytar = {
    ...keytar,
    setPassword: async (s: string, a: string, v: string) => {
      const ms = isReservedAccount(a) ? 0 : stallMs;
      if (ms) stallMs = 0;
      if (ms) await new Promise((r) => setTimeout(r, ms));
      return keytar.setPassword(s, a, v);
    },
  };
  const real = createKeytarStore({ service, keytar: stallingKeytar, ...o });
  const guard = (op: Op, account?: string): void => {
    calls[op] += 1;
    if (broken && broken.ops.includes(op)) throw errorFor(broken.fault);
    // Faults aimed at credential writes skip our reserved accounts (the value-hash key).
    if (op === 'set' && nth && !isReservedAccount(account ?? '') && --nth.n === 0) {
      const { fault } = nth;
      nth = null;
      throw errorFor(fault);
    }
  };
  return {
    service,
    calls,
    get: async (a) => (guard('get'), real.get(a)),
    set: async (a, v, opts) => (guard('set', a), real.set(a, v, opts)),
    delete: async (a) => (guard('delete'), real.delete(a)),
    listAccounts: async () => (guard('list'), real.listAccounts()),
    breakAll: (fault, ops = ['get', 'set', 'delete', 'list']) => void (broken = { fault, ops }),
    failNthSet: (n, fault) => void (nth = { n, fault }),
    stallNextSet: (ms) => void (stallMs = ms),
    heal: () => {
      broken = null;
      nth = null;
    },
  };
}
