// The Square domain: square.revokePreview, square.revoke, square.connect, square.cancelConnect.
// The vendor calls live in revoke.ts and connect.ts; this file checks what the user asked for,
// runs it under the credentials' locks and records what changed (index, events).
import type { ParsedRequestOf, ResponseOf } from '@shared/contract';
import type { CoreDeps } from '../../deps';
import { AppError, notFound } from '../../errors/app-error';
import type { HandlerPart } from '../../ipc/handlers';
import { providerContext } from '../../inspect/provider-context';
import type { EndpointOverrides } from '../http/hosts';
import type { ValueHasher } from '../../vault/value-hash';
import { connectSeller } from './connect';
import { result } from './inspect-result';
import { environmentFromPrefix, isSquare } from './links';
import { planRevoke, previewTexts } from './revoke-plan';
import { revokeAtSquare } from './revoke';
import { storeConnectedPair } from './store-pair';

type Channels = 'square.revokePreview' | 'square.revoke' | 'square.connect' | 'square.cancelConnect';

export type SquareDomainDeps = CoreDeps & {
  hasher: ValueHasher;
  endpoints?: EndpointOverrides;
  allowLoopbackHttp: boolean;
  /** Opens Square's authorize page in the system browser (the shell); absent: connect is unavailable. */
  openAuthorizeUrl?: (url: string) => Promise<void>;
  /** How long a connect waits for the browser (default 3 minutes; an authorization code lives 5). */
  connectTimeoutMs?: number;
};

export function createSquareDomain(d: SquareDomainDeps) {
  let connecting: AbortController | null = null;

  async function revoke(r: ParsedRequestOf<'square.revoke'>): Promise<ResponseOf<'square.revoke'>> {
    const first = await planRevoke(providerContext(d), r.id);
    // The pair's locks, in the refresher's order (access, then refresh); not re-entrant, so once each.
    const locked = <T>(work: () => Promise<T>): Promise<T> =>
      d.locks.run(first.access.id, () => (first.refresh ? d.locks.run(first.refresh.id, work) : work()));
    return locked(async () => {
      const ctx = providerContext(d);
      const plan = await planRevoke(ctx, r.id); // again under the locks: a refresh may have just run
      const texts = previewTexts(plan);
      if (!plan.secret || !plan.clientId)
        throw new AppError('UNSUPPORTED', texts.whyNot ?? 'Square needs the application secret to revoke.');
      await revokeAtSquare(ctx, {
        environment: plan.environment,
        clientId: plan.clientId,
        secret: await ctx.secretOf(plan.secret.id),
        accessToken: await ctx.secretOf(plan.access.id),
        onlyAccessToken: r.onlyAccessToken,
      });
      const ended = r.onlyAccessToken ? [plan.access] : [plan.access, ...(plan.refresh ? [plan.refresh] : [])];
      const at = d.clock().toISOString();
      const reason = r.onlyAccessToken
        ? `Revoked with Merchant Keychain on ${at.slice(0, 10)} (only this access token; the authorization stays).`
        : `Revoked with Merchant Keychain on ${at.slice(0, 10)}, with every other token of this application ` +
          `for this merchant.`;
      await d.index.mutate((draft) => {
        draft.credentials = draft.credentials.map((c) =>
          ended.some((e) => e.id === c.id)
            ? {
                ...c,
                lastCheckedAt: at,
                inspection: {
                  ...result({
                    verdict: 'invalid',
                    reason,
                    nextStep:
                      r.onlyAccessToken && plan.refresh
                        ? 'Refresh the pair to get a new access token.'
                        : 'Delete it, or connect the seller again.',
                    merchant: c.merchantId ? { id: c.merchantId, name: null } : null,
                    appId: c.appId,
                    environmentFound: plan.environment,
                  }),
                  checkedAt: at,
                },
              }
            : c,
        );
      });
      d.logger.info('square.revoked', {
        id: plan.access.id,
        onlyAccessToken: r.onlyAccessToken,
        also: plan.others.length,
      });
      const alsoAffectedIds = r.onlyAccessToken ? [] : plan.others.map((c) => c.id);
      d.emit('credentials.changed', { ids: ended.map((c) => c.id) });
      const n = alsoAffectedIds.length;
      const also = n ? ` ${n} other saved token${n === 1 ? '' : 's'} stopped working too: inspect them.` : '';
      return {
        revoked: r.onlyAccessToken ? 'access_token_only' : 'all_tokens_for_merchant',
        credentialIds: ended.map((c) => c.id),
        alsoAffectedIds,
        message: r.onlyAccessToken
          ? 'Square revoked this access token. The authorization stays: refresh the pair for a new access token.'
          : `Square revoked every token of this application for this merchant.${also}`,
      };
    });
  }

  async function connect(r: ParsedRequestOf<'square.connect'>): Promise<ResponseOf<'square.connect'>> {
    const app = d.index.get(r.applicationId);
    if (!app) throw notFound('credential');
    if (!isSquare(app) || app.kind !== 'application_id') {
      throw new AppError('INVALID_REQUEST', 'Choose a Square application ID to connect with.', null, ['applicationId']);
    }
    if (!d.openAuthorizeUrl) throw new AppError('UNSUPPORTED', 'Opening the browser is not available here.');
    if (connecting)
      throw new AppError(
        'CONFLICT',
        'A Square connect is already waiting for the browser.',
        'Finish it in the browser, or cancel it first.',
      );
    const abort = new AbortController();
    connecting = abort;
    try {
      const ctx = providerContext(d);
      const clientId = (await ctx.secretOf(app.id)).trim();
      const named = environmentFromPrefix(clientId);
      if (app.environment === 'production' || named === 'production') {
        throw new AppError(
          'PRODUCTION_REFUSED',
          'Connect is for sandbox sellers only: this is a production application ID.',
          null,
          ['applicationId'],
        );
      }
      const t = await connectSeller(ctx, {
        environment: r.environment,
        clientId,
        redirectPort: r.redirectPort,
        endpoints: d.endpoints,
        allowLoopbackHttp: d.allowLoopbackHttp,
        timeoutMs: d.connectTimeoutMs ?? 180_000,
        signal: abort.signal,
        openAuthorizeUrl: d.openAuthorizeUrl,
      });
      const saved = await storeConnectedPair(d, app, clientId, t);
      d.logger.info('square.connected', { merchantId: t.merchantId, ids: saved.map((s) => s.id).join(',') });
      d.emit('credentials.changed', { ids: saved.map((s) => s.id) });
      const now = d.clock().getTime();
      return {
        credentials: saved.map((s) => d.index.viewOf(d.index.get(s.id) ?? s, now)),
        merchantId: t.merchantId,
        scopes: t.scopes,
        redirectUri: t.redirectUri,
      };
    } finally {
      connecting = null;
    }
  }

  const handlers: HandlerPart<Channels> = {
    'square.revokePreview': async (r) => {
      const plan = await planRevoke(providerContext(d), r.id);
      const texts = previewTexts(plan);
      return {
        accessCredentialId: plan.access.id,
        refreshCredentialId: plan.refresh?.id ?? null,
        environment: plan.environment,
        merchantId: plan.access.merchantId,
        appId: plan.clientId && /^[A-Za-z0-9_-]{1,191}$/.test(plan.clientId) ? plan.clientId : null,
        canRevoke: texts.whyNot === null,
        whyNot: texts.whyNot,
        otherCredentialIds: plan.others.map((c) => c.id),
        revokeAllWarning: texts.revokeAllWarning.slice(0, 500),
        onlyAccessNote: texts.onlyAccessNote,
      };
    },
    'square.revoke': (r) => revoke(r),
    'square.connect': (r) => connect(r),
    'square.cancelConnect': () => {
      const c = connecting;
      c?.abort();
      return { cancelled: c !== null };
    },
  };
  return {
    handlers,
    stop(): void {
      connecting?.abort();
    },
  };
}
