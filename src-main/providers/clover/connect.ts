// clover.connect: OAuth v2 with PKCE for a desktop app (clover-api.md §2: low-trust apps must use
// PKCE; no app secret in the app). main opens Clover's authorize page in the system browser, waits
// for the redirect on a one-time loopback listener (state checked), exchanges the code itself
// (client_id + code + code_verifier) and stores the new pair, linked. One connect at a time.
import type { ResponseOf } from '@shared/contract';
import type { createAdder } from '../../credentials/add-credentials';
import type { CoreDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { providerContext } from '../../inspect/provider-context';
import type { EndpointOverrides } from '../http/hosts';
import type { CloverApi } from './api';
import { authorizeBase, isAllowedAuthorizeUrl } from './authorize-hosts';
import type { Failure } from './http';
import { limitsFor } from './limits';
import { startLoopback, type Loopback } from './loopback';
import { authorizeUrl, createPkce, createState } from './oauth-pkce';
import { storePair } from './store';

type Deps = Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index' | 'locks' | 'emit'>;

export interface ConnectOptions {
  /** Opens a URL that passed isAllowedAuthorizeUrl in the system browser (the shell: shell.openExternal). */
  openAuthorizeUrl?: (url: string) => Promise<void>;
  endpoints?: EndpointOverrides;
  allowLoopbackHttp: boolean;
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
}

/** What a failed code exchange means. The code is single-use: it is never sent twice. */
export function exchangeError(f: Failure, status: number | null): AppError {
  if (f === 'unauthorized' || f === 'client') {
    return new AppError(
      'VENDOR_ERROR',
      `Clover refused the authorization code (HTTP ${status ?? '4xx'}): it expired, was already used, or the App ID does not match.`,
      'Start again.',
    );
  }
  return new AppError(
    f === 'timeout' ? 'VENDOR_TIMEOUT' : f === 'network' ? 'VENDOR_UNREACHABLE' : 'VENDOR_ERROR',
    'The new tokens did not arrive (Clover did not answer, or its answer could not be read); nothing was stored.',
    'Start again. If Clover issued tokens anyway, they are simply never used.',
  );
}

export function createConnector(
  d: Deps & { adder: ReturnType<typeof createAdder>; api: CloverApi },
  o: ConnectOptions,
) {
  let waiting: Loopback | null = null;

  async function connect(req: { environment: 'sandbox'; appId: string }): Promise<ResponseOf<'clover.connect'>> {
    if (waiting)
      throw new AppError(
        'CONFLICT',
        'A Clover connection is already waiting for the browser.',
        'Finish it in the browser, or cancel it first.',
      );
    if (!o.openAuthorizeUrl) throw new AppError('UNSUPPORTED', 'Opening the browser is not available here.');
    const env = req.environment;
    const pkce = createPkce();
    const state = createState();
    const loop = await startLoopback({ state, timeoutMs: o.timeoutMs ?? 5 * 60_000 });
    waiting = loop;
    try {
      const url = authorizeUrl(authorizeBase(env, o.endpoints), {
        clientId: req.appId,
        redirectUri: loop.redirectUri,
        state,
        challenge: pkce.challenge,
      });
      if (!isAllowedAuthorizeUrl(url, { allowLoopbackHttp: o.allowLoopbackHttp })) {
        throw new AppError('HOST_NOT_ALLOWED', "That is not Clover's authorize page, so it was not opened.");
      }
      d.logger.info('clover.connect_started', { environment: env, appId: req.appId });
      await o.openAuthorizeUrl(url);
      const cb = await loop.result;
      if (cb.clientId !== null && cb.clientId !== req.appId) {
        throw new AppError(
          'VENDOR_ERROR',
          'Clover answered for a different app than the one asked; nothing was stored.',
        );
      }
      const ctx = providerContext(d);
      d.redaction.register(cb.code);
      const r = await d.api.token(
        ctx,
        env,
        { client_id: req.appId, code: cb.code, code_verifier: pkce.verifier },
        limitsFor(env, 'connect', req.appId),
      );
      if (!r.ok) throw exchangeError(r.failure, r.status);
      const credentials = await storePair(d, {
        environment: env,
        appId: req.appId,
        merchantId: cb.merchantId,
        tokens: r.data,
        note: 'Issued by Clover to Merchant Keychain (OAuth v2 with PKCE).',
      });
      d.logger.info('clover.connected', {
        environment: env,
        appId: req.appId,
        merchantId: cb.merchantId,
        ids: credentials.map((c) => c.id).join(','),
      });
      return { merchantId: cb.merchantId, credentials };
    } finally {
      waiting = null;
      await loop.close();
    }
  }

  return {
    connect,
    cancel(): { cancelled: boolean } {
      if (!waiting) return { cancelled: false };
      waiting.cancel();
      return { cancelled: true };
    },
    /** core.close(): a connect still waiting ends now. */
    stop(): void {
      waiting?.cancel();
    },
  };
}
