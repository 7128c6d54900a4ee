// Startup consistency check: compares the metadata index with the keychain items under our
// service and reports orphans on either side. It never deletes anything: the user decides.
import type { ConsistencyReport } from '../ipc/contract';
import type { MetadataIndex } from './metadata-index';
import type { SecretStore } from './secret-store';
import { AppError } from '../ipc/errors';

export async function checkConsistency(index: MetadataIndex, store: SecretStore, clock: () => Date): Promise<ConsistencyReport> {
  const checkedAt = clock().toISOString();
  let accounts: string[];
  try {
    accounts = await store.listAccounts();
  } catch (e) {
    if (e instanceof AppError) return { checkedAt, missingFromKeychain: [], orphansInKeychain: [], keychainReachable: false };
    throw e;
  }
  const inKeychain = new Set(accounts);
  const known = new Set(index.list().map((c) => c.id));
  return {
    checkedAt,
    keychainReachable: true,
    missingFromKeychain: [...known].filter((id) => !inKeychain.has(id)),
    orphansInKeychain: accounts.filter((a) => !known.has(a)).map((a) => a.slice(0, 64)),
  };
}
