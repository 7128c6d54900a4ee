// A SecretStore wrapper that counts every call and the time spent inside the wrapped store,
// so the benchmark can say how many keychain calls an operation made and how long they took.
import type { SecretStore } from '../src-main/vault/secret-store';

type Method = 'get' | 'set' | 'delete' | 'listAccounts';
const METHODS: Method[] = ['get', 'set', 'delete', 'listAccounts'];

export interface CountingStore extends SecretStore {
  readonly counts: Record<Method, number>;
  /** Total calls since creation. */
  calls(): number;
  /** Milliseconds spent inside the wrapped store since creation (all methods). */
  elapsedMs(): number;
}

export function countingStore(inner: SecretStore): CountingStore {
  const counts: Record<Method, number> = { get: 0, set: 0, delete: 0, listAccounts: 0 };
  let elapsed = 0;
  const timed =
    <A extends unknown[], R>(method: Method, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      counts[method] += 1;
      const t0 = performance.now();
      try {
        return await fn(...args);
      } finally {
        elapsed += performance.now() - t0;
      }
    };
  return {
    service: inner.service,
    counts,
    calls: () => METHODS.reduce((n, m) => n + counts[m], 0),
    elapsedMs: () => elapsed,
    get: timed('get', (account: string) => inner.get(account)),
    set: timed('set', (account: string, secret: string) => inner.set(account, secret)),
    delete: timed('delete', (account: string) => inner.delete(account)),
    listAccounts: timed('listAccounts', () => inner.listAccounts()),
  };
}

/** An in-memory SecretStore (used where the keychain is not what is being measured). */
export function memoryStore(service: string): SecretStore {
  const items = new Map<string, string>();
  return {
    service,
    get: async (a) => items.get(a) ?? null,
    set: async (a, s) => void items.set(a, s),
    delete: async (a) => items.delete(a),
    listAccounts: async () => [...items.keys()],
  };
}
