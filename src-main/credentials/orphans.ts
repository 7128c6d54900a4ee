// Keychain items under our service that no metadata knows (after a crash, a failed rollback, or
// a restored backup): the user sees them in the consistency report and adopts each one as a
// pending credential again, or deletes it. Nothing is removed without being asked.
import { randomUUID } from 'node:crypto';
import type { PendingImport } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { classify } from '../vault/classifier';
import { isReservedAccount } from '../vault/consistency';
import type { ValueHasher } from '../vault/value-hash';
import { IMPORT_LOCK, newRecord } from './add-credentials';

type Deps = Pick<CoreDeps, 'index' | 'store' | 'redaction' | 'logger' | 'clock' | 'locks'> & {
  hasher: ValueHasher;
  emitChanged(ids: string[]): void;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noOrphan = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'There is no orphaned keychain item with that name.',
    'Run the keychain check again; it may have been resolved.',
  );

export function createOrphanHandlers(d: Deps) {
  const assertOrphan = (account: string): void => {
    // With the index unreadable every stored secret would look like an orphan: change nothing.
    d.index.assertWritable();
    if (isReservedAccount(account) || d.index.get(account)) throw noOrphan();
  };

  async function adopt(account: string): Promise<PendingImport> {
    return d.locks.run(IMPORT_LOCK, () =>
      d.locks.run(account, async () => {
        assertOrphan(account);
        const value = await d.store.get(account);
        if (value === null) throw noOrphan();
        d.redaction.register(value);
        const proposal = classify(value); // an unrecognised value can only be deleted
        const hash = await d.hasher.hash(value);
        const twin = d.index.list().find((c) => c.valueHash === hash);
        if (twin)
          throw new AppError('CONFLICT', `Already saved as "${twin.label}".`, 'Delete this keychain item instead.');
        // Our accounts are UUIDs; an item under another name is moved to a fresh id first.
        const id = UUID.test(account) ? account.toLowerCase() : randomUUID();
        if (id !== account) await d.store.set(id, value, { newItem: true });
        const record = newRecord({
          id,
          value,
          proposal,
          source: 'keychain',
          valueHash: hash,
          at: d.clock().toISOString(),
        });
        await d.index.mutate((draft) => void draft.credentials.push(record));
        if (id !== account) await d.store.delete(account);
        d.logger.info('credential.adopted', { id, provider: record.provider, kind: record.kind });
        d.emitChanged([id]);
        return { credential: d.index.viewOf(d.index.get(id)!, d.clock().getTime()), proposal };
      }),
    );
  }

  async function remove(account: string): Promise<{ account: string }> {
    return d.locks.run(account, async () => {
      assertOrphan(account);
      if (!(await d.store.delete(account))) throw noOrphan();
      d.logger.info('keychain.orphan_deleted', { account: UUID.test(account) ? account : '(non-uuid account)' });
      d.emitChanged([]);
      return { account };
    });
  }

  return { adopt, remove };
}
