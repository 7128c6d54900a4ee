// credentials.confirm, .update and .delete. Each runs under its credential's lock, so an update
// that races a delete finds the credential gone and answers NOT_FOUND, and nothing is logged or
// announced for a credential that no longer exists.
import type { CredentialView, ParsedRequestOf } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { notFound } from '../errors/app-error';
import type { StoredCredential } from '../vault/stored-record';
import type { ValueHasher } from '../vault/value-hash';
import { assertNoSecretInMetadata } from './metadata-guard';

type Deps = Pick<CoreDeps, 'index' | 'store' | 'redaction' | 'logger' | 'clock' | 'locks'> & {
  hasher: ValueHasher;
  emitChanged(ids: string[]): void;
};

type Patch = Partial<Omit<StoredCredential, 'id'>>;

export function createEditors(d: Deps) {
  const mustGet = (id: string): StoredCredential => {
    const c = d.index.get(id);
    if (!c) throw notFound('credential');
    return c;
  };

  /** Replaces the record inside the index's own queue, re-checking that it still exists there. */
  async function change(id: string, patch: Patch): Promise<CredentialView> {
    mustGet(id);
    await assertNoSecretInMetadata(
      { label: patch.label, merchantId: patch.merchantId, appId: patch.appId, locationId: patch.locationId },
      d,
    );
    const updatedAt = d.clock().toISOString();
    const updated = await d.index.mutate((draft) => {
      const i = draft.credentials.findIndex((c) => c.id === id);
      if (i === -1) throw notFound('credential');
      const next = { ...draft.credentials[i]!, ...patch, updatedAt } as StoredCredential;
      draft.credentials[i] = next;
      return next;
    });
    d.logger.info('credential.updated', { id, fields: Object.keys(patch).join(',') });
    d.emitChanged([id]);
    return d.index.viewOf(d.index.get(id) ?? updated, d.clock().getTime());
  }

  return {
    confirm: (req: ParsedRequestOf<'credentials.confirm'>) =>
      d.locks.run(req.id, () => {
        const { id, ...rest } = req;
        return change(id, { ...rest, status: 'active' });
      }),

    update: (req: ParsedRequestOf<'credentials.update'>) =>
      d.locks.run(req.id, () => {
        const { id, ...patch } = req;
        return change(id, patch);
      }),

    remove: (id: string) =>
      d.locks.run(id, async () => {
        mustGet(id);
        await d.store.delete(id);
        await d.index.mutate((draft) => void (draft.credentials = draft.credentials.filter((c) => c.id !== id)));
        d.logger.info('credential.deleted', { id });
        d.emitChanged([id]);
        return { id };
      }),
  };
}
