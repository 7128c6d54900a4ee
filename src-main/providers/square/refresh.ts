// Refreshing a Square token pair (square-api.md §4): POST /oauth2/token, grant_type=refresh_token.
// - PKCE pairs: no secret; the refresh token is single-use, lasts 90 days and a new one comes back.
// - Code-flow pairs: with the application secret; the same refresh token comes back (reusable,
//   never expires), so we answer `refresh: null` and the domain leaves the stored one untouched.
// Which flow: a saved refresh expiry means PKCE (only PKCE refresh tokens expire, §4); otherwise
// the code flow when the app's secret is saved here, else PKCE (a refused refresh spends nothing).
import { AppError } from '../../errors/app-error';
import type { ProviderContext, RefreshedPair, TokenPair } from '../adapter';
import { callSquare, codeOf } from './client';
import { applicationIdFor, isSquare, secretCredentialFor } from './links';
import { ObtainTokenRequest, ObtainTokenResponse } from './schemas';
import { isoOf } from './words';

export async function refreshPair(pair: TokenPair, ctx: ProviderContext): Promise<RefreshedPair> {
  const { access, refresh } = pair;
  if (!refresh || !isSquare(access) || !isSquare(refresh))
    throw new AppError('UNSUPPORTED', 'This is not a Square token pair.');
  const environment = access.environment ?? refresh.environment;
  if (environment === null)
    throw new AppError(
      'UNSUPPORTED',
      'Choose the environment of this token first.',
      'Confirm it as sandbox or production, then refresh.',
    );
  const clientId = await applicationIdFor(ctx, refresh, access);
  if (clientId === null) {
    throw new AppError(
      'UNSUPPORTED',
      'Square needs the application ID to refresh this pair, and none is linked.',
      'Inspect the access token (it learns its application), or set its App ID.',
    );
  }
  const pkceByExpiry = refresh.expiresAt !== null;
  const secretCred = pkceByExpiry ? null : await secretCredentialFor(ctx, clientId, environment);
  const refreshToken = await ctx.secretOf(refresh.id);
  const obtain = async (withSecret: boolean) => {
    const body = ObtainTokenRequest.parse({
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...(withSecret && secretCred ? { client_secret: await ctx.secretOf(secretCred.id) } : {}),
    });
    return callSquare(ctx, {
      environment,
      method: 'POST',
      path: '/oauth2/token',
      auth: null,
      body,
      schema: ObtainTokenResponse,
    });
  };
  let withSecret = secretCred !== null;
  let r = await obtain(withSecret);
  // A secret sent for a PKCE pair is refused before anything is spent: once more without it.
  if (!r.ok && withSecret && r.kind === 'square' && r.status === 400 && r.errors[0]?.field === 'client_secret') {
    withSecret = false;
    r = await obtain(false);
  }
  if (!r.ok) throw refreshError(r, withSecret);
  const fresh = r.data;
  ctx.redaction.register(fresh.access_token);
  if (fresh.refresh_token) ctx.redaction.register(fresh.refresh_token);
  const same = fresh.refresh_token === undefined || fresh.refresh_token === refreshToken;
  return {
    access: { value: fresh.access_token, expiresAt: isoOf(fresh.expires_at) },
    // Code flow: the same token back, nothing to rotate. Anything new (PKCE) is kept, whatever the
    // flow we assumed: a refresh token Square handed us must never be dropped.
    refresh:
      same || !fresh.refresh_token
        ? null
        : {
            value: fresh.refresh_token,
            expiresAt: fresh.refresh_token_expires_at ? isoOf(fresh.refresh_token_expires_at) : null,
          },
  };
}

function refreshError(r: Exclude<Awaited<ReturnType<typeof callSquare>>, { ok: true }>, sentSecret: boolean): AppError {
  if (r.kind === 'transport') {
    return new AppError(
      r.error.code,
      'Square did not answer the refresh. If it processed it anyway, a PKCE refresh token is now spent (they ' +
        'work once).',
      'Inspect the access token: if it no longer works and refreshing fails again, connect the seller again.',
    );
  }
  if (r.kind === 'unreadable') {
    return new AppError(
      'VENDOR_ERROR',
      `Square's answer to the refresh could not be read${r.status ? ` (HTTP ${r.status})` : ''}, so the new ` +
        `tokens (if any) were not received.`,
      'Inspect the access token: if it no longer works and refreshing fails again, connect the seller again.',
    );
  }
  const code = codeOf(r);
  const field = r.errors[0]?.field;
  if (r.status === 429)
    return new AppError(
      'VENDOR_RATE_LIMITED',
      'Square is rate-limiting requests; the refresh token was not used.',
      'Wait a minute and refresh again.',
    );
  if (r.status === 401) {
    return new AppError(
      'VENDOR_ERROR',
      `Square refused the refresh token (${code ?? 'UNAUTHORIZED'}): it was already used, has expired or was ` +
        `revoked, or belongs to another application.`,
      'PKCE refresh tokens work once and last 90 days. Connect the seller again to get a new pair.',
    );
  }
  if (field === 'client_secret' && !sentSecret) {
    return new AppError(
      'UNSUPPORTED',
      'This pair came from the code flow: Square needs the application secret to refresh it, and none is linked.',
      'Save the application secret and link it to its application ID, then refresh.',
    );
  }
  return new AppError('VENDOR_ERROR', `Square refused the refresh (HTTP ${r.status} ${code ?? ''}).`.trim());
}
