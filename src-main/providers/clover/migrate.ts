// clover.migrateToken: a legacy (v1) token becomes a v2 pair (clover-api.md §2, "Migrating legacy
// tokens"): POST /oauth/token/migrate_v2 with the token, app and merchant and a PKCE challenge
// gives a code, which POST /oauth/v2/token exchanges (client_id, code, code_verifier) for the pair.
// The pair is stored before anything else; the legacy record is kept (the user deletes it).
import type { ResponseOf } from '@shared/contract';
import type { createAdder } from '../../credentials/add-credentials';
import type { CoreDeps } from '../../deps';
import { AppError, notFound } from '../../errors/app-error';
import { providerContext } from '../../inspect/provider-context';
import type { CloverApi } from './api';
import { exchangeError } from './connect';
import { limitsFor } from './limits';
import { appIdFor, isLegacyValue } from './links';
import { createPkce } from './oauth-pkce';
import { storePair } from './store';

type Deps = Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index' | 'locks' | 'emit'>;

export function createMigrator(d: Deps & { adder: ReturnType<typeof createAdder>; api: CloverApi }) {
  return async function migrateToken(id: string): Promise<ResponseOf<'clover.migrateToken'>> {
    const legacy = d.index.get(id);
    if (!legacy) throw notFound('credential');
    if (legacy.provider !== 'clover' || legacy.kind !== 'access_token') {
      throw new AppError('UNSUPPORTED', 'Only a Clover legacy (v1) OAuth token can be migrated.', null, ['id']);
    }
    const env = legacy.environment;
    if (!env) throw new AppError('UNSUPPORTED', 'Choose the environment of this token first.', null, ['id']);
    const ctx = providerContext(d);
    const value = await ctx.secretOf(id);
    if (!isLegacyValue(value))
      throw new AppError(
        'UNSUPPORTED',
        'This is not a legacy (v1) token (those are UUID-shaped); it needs no migration.',
        null,
        ['id'],
      );
    const appId = await appIdFor(legacy, ctx);
    if (!appId || !legacy.merchantId) {
      throw new AppError(
        'UNSUPPORTED',
        "Clover needs the token's merchant ID and App ID to migrate it.",
        'Check the token once (Clover names both), or enter them (Edit), then migrate.',
        ['id'],
      );
    }
    const pkce = createPkce();
    const limits = limitsFor(env, id, appId);
    const m = await d.api.migrate(
      ctx,
      env,
      { merchant_uuid: legacy.merchantId, app_uuid: appId, auth_token: value, code_challenge: pkce.challenge },
      limits,
    );
    if (!m.ok) {
      if (m.failure === 'unauthorized' || m.failure === 'client') {
        throw new AppError(
          'VENDOR_ERROR',
          `Clover refused the migration (HTTP ${m.status ?? '4xx'}): the token is invalid, already migrated, or not of this app and merchant.`,
          'Check the token, its merchant ID and App ID.',
        );
      }
      throw m.error;
    }
    const t = await d.api.token(
      ctx,
      env,
      { client_id: appId, code: m.data.authorization_code, code_verifier: pkce.verifier },
      limits,
    );
    if (!t.ok) {
      const e = exchangeError(t.failure, t.status);
      throw new AppError(
        e.code,
        `${e.message} The legacy token may stop working once Clover has exchanged its code.`,
        'Check the legacy token; if Clover refuses it now, reconnect the merchant (Connect).',
      );
    }
    const credentials = await storePair(d, {
      environment: env,
      // An App ID read from the keychain stays there: the new token links to its credential instead.
      appId: legacy.appId,
      appCredentialId: legacy.appId ? null : legacy.parentId,
      merchantId: legacy.merchantId,
      tokens: t.data,
      note: 'Migrated by Clover from a legacy (v1) token (migrate_v2 with PKCE).',
    });
    d.logger.info('clover.migrated', { legacyId: id, ids: credentials.map((c) => c.id).join(',') });
    return { legacyId: id, credentials };
  };
}
