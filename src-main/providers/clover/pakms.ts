// clover.fetchPakmsKey: an OAuth access token asks Clover for its merchant's PAKMS key (GET
// /pakms/apikey, clover-api.md §5: created on first request, unique per merchant, does not
// expire, "call once and store"), which is stored as a credential of that merchant and app.
import type { ResponseOf } from '@shared/contract';
import { IMPORT_LOCK, type createAdder } from '../../credentials/add-credentials';
import type { CoreDeps } from '../../deps';
import { AppError, notFound } from '../../errors/app-error';
import { providerContext } from '../../inspect/provider-context';
import type { CloverApi } from './api';
import { limitsFor } from './limits';
import { CHECKLIST_401, INVALID_401 } from './words';

type Deps = Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index' | 'locks' | 'emit'>;

export function createPakmsFetcher(d: Deps & { adder: ReturnType<typeof createAdder>; api: CloverApi }) {
  return async function fetchPakmsKey(id: string): Promise<ResponseOf<'clover.fetchPakmsKey'>> {
    const token = d.index.get(id);
    if (!token) throw notFound('credential');
    if (token.provider !== 'clover' || token.kind !== 'access_token') {
      throw new AppError(
        'UNSUPPORTED',
        'Only a Clover OAuth access token can fetch a PAKMS key (Clover reads the app and merchant from it).',
        null,
        ['id'],
      );
    }
    const env = token.environment;
    if (!env)
      throw new AppError(
        'UNSUPPORTED',
        'Choose the environment of this token first.',
        'Confirm it as sandbox or production.',
        ['id'],
      );
    const ctx = providerContext(d);
    const r = await d.api.pakms(ctx, env, await ctx.secretOf(id), limitsFor(env, id, token.appId));
    if (!r.ok) {
      if (r.failure === 'unauthorized') {
        throw new AppError(
          'VENDOR_ERROR',
          `Clover refused (401): the token is ${INVALID_401}. A PAKMS key needs the Online payments permission, enabled before the merchant installed the app.`,
          `If the permission was added later, reinstall the app on the merchant. ${CHECKLIST_401[0]}`,
        );
      }
      throw r.error;
    }
    const k = r.data;
    if (!k.active)
      throw new AppError(
        'VENDOR_ERROR',
        "Clover reports this merchant's PAKMS key as inactive (Clover disables keys it suspects are misused), so it was not stored.",
        'Contact Clover developer support.',
      );
    const now = d.clock().getTime();
    // One lock for the check and the add, so two fetches at once store the key once.
    const stored = await d.locks.run(IMPORT_LOCK, async () => {
      const existing = await d.adder.existing(k.apiAccessKey);
      if (existing) return { existing };
      return d.adder.add([
        {
          value: k.apiAccessKey,
          proposal: {
            provider: 'clover',
            kind: 'pakms_key',
            environment: env,
            confidence: 'documented',
            reason: 'Fetched from Clover with an access token (GET /pakms/apikey).',
          },
          source: 'keychain',
          extra: {
            merchantId: k.merchantUuid,
            appId: k.developerAppUuid,
            status: 'active',
            label: `Clover ${env} PAKMS key ${k.merchantUuid}`,
          },
        },
      ]);
    });
    if ('existing' in stored) return { credential: d.index.viewOf(stored.existing, now), alreadyStored: true };
    const { added } = stored;
    const view = added[0]?.credential;
    if (!view) throw new AppError('CONFLICT', 'That PAKMS key is already stored.');
    d.logger.info('clover.pakms_fetched', { id: view.id, tokenId: id, merchantId: k.merchantUuid });
    d.emit('credentials.changed', { ids: [view.id] });
    return { credential: view, alreadyStored: false };
  };
}
