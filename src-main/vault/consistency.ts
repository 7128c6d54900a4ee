// Compares the metadata index with the keychain items under our service and reports orphans on
// either side. It never deletes anything: the user decides (credentials.adoptOrphan / deleteOrphan).
import type { ConsistencyReport } from '@shared/contract';
import { AppError } from '../errors/app-error';
import type { MetadataIndex } from './metadata-index';
import type { SecretStore } from './secret-store';
import { HASH_KEY_ACCOUNT } from './value-hash';
import { isStagedAccount } from './rotation';

/** Keychain accounts holding a charge attempt's card token, for retries with the same token. */
export const CHARGE_SOURCE_PREFIX = 'charge-source:';

/** Keychain accounts that are ours but are not credentials. */
export const RESERVED_ACCOUNTS: ReadonlySet<string> = new Set([HASH_KEY_ACCOUNT]);

/** Items the app keeps beside credentials: the hash key, values staged by a rotation
 *  (vault/rotation.ts) and the card tokens of charge attempts (charges/ledger.ts). */
export const isReservedAccount = (account: string): boolean =>
  RESERVED_ACCOUNTS.has(account) || isStagedAccount(account) || account.startsWith(CHARGE_SOURCE_PREFIX);

export async function checkConsistency(
  index: MetadataIndex,
  store: SecretStore,
  clock: () => Date,
): Promise<ConsistencyReport> {
  const checkedAt = clock().toISOString();
  let accounts: string[];
  try {
    accounts = (await store.listAccounts()).filter((a) => !isReservedAccount(a));
  } catch (e) {
    if (e instanceof AppError)
      return { checkedAt, missingFromKeychain: [], orphansInKeychain: [], keychainReachable: false };
    throw e;
  }
  const inKeychain = new Set(accounts);
  const known = new Set(index.list().map((c) => c.id));
  return {
    checkedAt,
    keychainReachable: true,
    missingFromKeychain: [...known].filter((id) => !inKeychain.has(id)),
    // Longer account names are not ours (ours are UUIDs) and are left alone, unlisted.
    orphansInKeychain: accounts.filter((a) => !known.has(a) && a.length <= 64),
  };
}
