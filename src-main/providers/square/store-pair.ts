// Saves the pair a connect produced, linked: access token (parent: its application_id
// credential), refresh token (parent: the access token), both active with merchant, app and
// expiry metadata. Keychain first, then one index write; anything stored is removed again if a
// later step fails (the seller can simply be connected again: nothing else depends on them yet).
import { randomUUID } from 'node:crypto';
import type { CoreDeps } from '../../deps';
import { IMPORT_LOCK, newRecord } from '../../credentials/add-credentials';
import type { StoredCredential } from '../../vault/stored-record';
import type { ValueHasher } from '../../vault/value-hash';
import type { Connected } from './connect';

type Deps = Pick<CoreDeps, 'index' | 'store' | 'logger' | 'clock' | 'locks'> & { hasher: ValueHasher };

export async function storeConnectedPair(
  d: Deps,
  app: StoredCredential,
  clientId: string,
  t: Connected,
): Promise<StoredCredential[]> {
  return d.locks.run(IMPORT_LOCK, async () => {
    const at = d.clock().toISOString();
    const accessId = randomUUID();
    const refreshId = randomUUID();
    const common = { merchantId: t.merchantId, appId: clientId, locationId: null };
    const records = [
      newRecord({
        id: accessId,
        value: t.accessToken,
        source: 'oauth',
        at,
        valueHash: await d.hasher.hash(t.accessToken),
        proposal: {
          provider: 'square',
          kind: 'access_token',
          environment: 'sandbox',
          confidence: 'documented',
          reason: "From Square's OAuth token endpoint.",
        },
        extra: { ...common, expiresAt: t.expiresAt, parentId: app.id },
      }),
      newRecord({
        id: refreshId,
        value: t.refreshToken,
        source: 'oauth',
        at,
        valueHash: await d.hasher.hash(t.refreshToken),
        proposal: {
          provider: 'square',
          kind: 'refresh_token',
          environment: 'sandbox',
          confidence: 'documented',
          reason: "From Square's OAuth token endpoint.",
        },
        extra: { ...common, expiresAt: t.refreshExpiresAt, parentId: accessId },
      }),
    ].map((r, i) => ({
      ...r,
      status: 'active' as const,
      label: `Square sandbox ${i === 0 ? 'access' : 'refresh'} token (OAuth, ${t.merchantId})`.slice(0, 80),
    }));
    const values = [t.accessToken, t.refreshToken];
    const stored: string[] = [];
    try {
      for (const [i, r] of records.entries()) {
        await d.store.set(r.id, values[i]!, { newItem: true });
        stored.push(r.id);
      }
      await d.index.mutate((draft) => void draft.credentials.push(...records));
    } catch (e) {
      for (const id of stored) {
        await d.store.delete(id).catch(() =>
          d.logger.error('credential.rollback_failed', {
            id,
            hint: 'the keychain item is an orphan; see the consistency report',
          }),
        );
      }
      throw e;
    }
    for (const r of records)
      d.logger.info('credential.added', { id: r.id, provider: 'square', kind: r.kind, source: 'oauth' });
    return records;
  });
}
