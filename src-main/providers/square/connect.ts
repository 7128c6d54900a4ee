// Connecting a sandbox seller (square-api.md §4): OAuth with PKCE in the system browser, the
// answer received on a loopback listener in main, the code exchanged in main without any secret.
// Returns the new tokens; storing them is the domain's job (store-pair.ts).
import type { Environment } from '@shared/vocabulary';
import { AppError } from '../../errors/app-error';
import type { EndpointOverrides } from '../http/hosts';
import type { ProviderContext } from '../adapter';
import { callSquare, codeOf } from './client';
import { listenForCallback } from './loopback';
import { authorizeUrl, CONNECT_SCOPES, createPkce, isAllowedAuthorizeUrl } from './oauth-pkce';
import { ObtainTokenRequest, ObtainTokenResponse } from './schemas';

export interface ConnectOptions {
  environment: Environment;
  clientId: string;
  /** The port of the Redirect URL registered for the app (random when absent). */
  redirectPort?: number;
  endpoints?: EndpointOverrides;
  allowLoopbackHttp: boolean;
  timeoutMs: number;
  signal: AbortSignal;
  openAuthorizeUrl: (url: string) => Promise<void>;
}

export interface Connected {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  refreshExpiresAt: string | null;
  merchantId: string;
  redirectUri: string;
  scopes: string[];
}

export async function connectSeller(ctx: ProviderContext, o: ConnectOptions): Promise<Connected> {
  const pkce = createPkce();
  ctx.redaction.register(pkce.verifier);
  const listener = await listenForCallback({
    port: o.redirectPort,
    state: pkce.state,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
  });
  try {
    const url = authorizeUrl({
      environment: o.environment,
      endpoints: o.endpoints,
      clientId: o.clientId,
      pkce,
      redirectUri: listener.redirectUri,
    });
    if (!isAllowedAuthorizeUrl(url, o.environment, { allowLoopbackHttp: o.allowLoopbackHttp })) {
      throw new AppError('HOST_NOT_ALLOWED', "That is not Square's authorization page, so it was not opened.");
    }
    await o.openAuthorizeUrl(url);
    const code = await listener.code;
    ctx.redaction.register(code);
    const body = ObtainTokenRequest.parse({
      client_id: o.clientId,
      grant_type: 'authorization_code',
      code,
      code_verifier: pkce.verifier,
      redirect_uri: listener.redirectUri,
    });
    const r = await callSquare(ctx, {
      environment: o.environment,
      method: 'POST',
      path: '/oauth2/token',
      auth: null,
      body,
      schema: ObtainTokenResponse,
    });
    if (!r.ok) {
      const why =
        r.kind === 'square'
          ? `HTTP ${r.status} ${codeOf(r) ?? ''}`.trim()
          : r.kind === 'transport'
            ? 'no answer'
            : "an answer that did not match Square's API";
      throw new AppError(
        r.kind === 'transport' ? r.error.code : 'VENDOR_ERROR',
        `Square did not exchange the authorization code (${why}); nothing was saved.`,
        'Codes work once and for 5 minutes: start Connect again.',
      );
    }
    const t = r.data;
    ctx.redaction.register(t.access_token);
    if (!t.refresh_token)
      throw new AppError(
        'VENDOR_ERROR',
        'Square sent no refresh token with the new access token; nothing was saved.',
        'Start Connect again.',
      );
    ctx.redaction.register(t.refresh_token);
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: new Date(t.expires_at).toISOString(),
      refreshExpiresAt: t.refresh_token_expires_at ? new Date(t.refresh_token_expires_at).toISOString() : null,
      merchantId: t.merchant_id,
      redirectUri: listener.redirectUri,
      scopes: [...CONNECT_SCOPES],
    };
  } finally {
    listener.close();
  }
}
