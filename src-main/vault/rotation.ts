// Replaces credential values so that at every moment each one is in the keychain (invariant 4:
// the new pair is stored before the old one is dropped). New values are first staged under
// `<id>:next`, then written over `<id>`, then the staged items go. A crash between the steps
// leaves staged items that recoverStaged() promotes at the next start; a failure while staging
// overwrites nothing, and the caller keeps the new values and retries.
import type { Logger } from '../log/logger';
import type { SecretStore } from './secret-store';

export const STAGED_SUFFIX = ':next';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isStagedAccount = (account: string): boolean =>
  account.endsWith(STAGED_SUFFIX) && UUID.test(account.slice(0, -STAGED_SUFFIX.length));

export async function rotate(store: SecretStore, updates: { id: string; value: string }[]): Promise<void> {
  for (const u of updates) await store.set(`${u.id}${STAGED_SUFFIX}`, u.value);
  for (const u of updates) await store.set(u.id, u.value);
  for (const u of updates) await store.delete(`${u.id}${STAGED_SUFFIX}`).catch(() => false);
}

/** Promotes values staged by a rotation that a crash interrupted; returns the ids promoted. */
export async function recoverStaged(
  store: SecretStore,
  knownIds: ReadonlySet<string>,
  logger: Logger,
): Promise<string[]> {
  const staged = (await store.listAccounts()).filter(isStagedAccount);
  const promoted: string[] = [];
  for (const account of staged) {
    const id = account.slice(0, -STAGED_SUFFIX.length);
    const value = await store.get(account);
    if (value === null) continue;
    if (knownIds.has(id)) {
      await store.set(id, value);
      promoted.push(id);
      logger.warn('keychain.rotation_recovered', { id });
    }
    // A staged value for an unknown id is left for the consistency report (never deleted silently).
    if (knownIds.has(id)) await store.delete(account).catch(() => false);
  }
  return promoted;
}
