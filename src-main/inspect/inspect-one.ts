// Inspects one credential through its vendor's adapter and stores what was found: the result
// (shown by credentials.inspect and, as a verdict, by the list) and metadata the vendor told us
// (merchant, app, expiry). The network call runs outside the credential's lock, so a long check
// never blocks a rename; the result is applied under it, and only if the credential still exists.
// Results are written in groups (group-commit.ts), so a bulk job does not rewrite the index per token.
import type { InspectionView } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors/app-error';
import type { ProviderAdapter } from '../providers/adapter';
import type { StoredCredential } from '../vault/stored-record';
import { createGroupCommit } from './group-commit';
import { providerContext } from './provider-context';

export type Adapters = Partial<Record<StoredCredential['provider'], ProviderAdapter>>;
type Deps = Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index' | 'locks' | 'emit'>;

export function adapterFor(adapters: Adapters, c: StoredCredential): ProviderAdapter {
  const a = adapters[c.provider];
  if (!a) throw new AppError('UNSUPPORTED', `Checking ${c.provider} credentials is not available yet.`);
  return a;
}

export function createInspectOne(d: Deps, adapters: Adapters) {
  const commit = createGroupCommit(d.index, (ids) => d.emit('credentials.changed', { ids }));
  return async function inspectOne(id: string, signal?: AbortSignal): Promise<InspectionView> {
    const credential = d.index.get(id);
    if (!credential) throw notFound('credential');
    const outcome = await adapterFor(adapters, credential).inspect(credential, providerContext(d, signal));
    const checkedAt = d.clock().toISOString();
    const result = { ...outcome.result, checkedAt };
    await d.locks.run(id, () =>
      commit(id, (draft) => {
        const i = draft.credentials.findIndex((c) => c.id === id);
        if (i === -1) throw notFound('credential');
        const current = draft.credentials[i]!;
        const found = outcome.discovered;
        draft.credentials[i] = {
          ...current,
          inspection: result,
          lastCheckedAt: checkedAt,
          // The vendor's expiry is authoritative; ids fill gaps but never overwrite what the user set.
          expiresAt: found.expiresAt !== undefined ? found.expiresAt : current.expiresAt,
          merchantId: current.merchantId ?? found.merchantId ?? null,
          appId: current.appId ?? found.appId ?? null,
          locationId: current.locationId ?? found.locationId ?? null,
        };
      }),
    );
    d.logger.info('credential.inspected', { id, verdict: result.verdict, requests: result.requests });
    return { credentialId: id, ...result };
  };
}
