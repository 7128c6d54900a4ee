// POST /oauth2/token (ObtainToken, ref §4). No Authorization header (SPEC security: []).
// - authorization_code, code flow: client_secret required; PKCE: code_verifier (S256), no secret.
// - refresh_token, code flow: secret required, multi-use, never expires, the same token comes back.
//   PKCE: no secret, single-use, 90 days, a new refresh token each time (+ refresh_token_expires_at).
// - `scopes` on refresh may only narrow the grant; `short_lived` gives a 24 h access token.
// - migration_token (legacy) is refused: this stand-in has no legacy tokens to migrate.
// Stricter choices (UNCONFIRMED, ref §4 says only "never sent in PKCE"): a client_secret sent in the
// PKCE flow, or a code_verifier sent in the code flow, is refused with 400 INVALID_VALUE.
// Codes are single-use and live 5 minutes; a spent, expired or unknown code or refresh token gets
// 401 UNAUTHORIZED (Square's code for it is UNCONFIRMED).
import { createHash } from 'node:crypto';
import { isoSeconds } from '../clock';
import { invalid, unauthorized, type ApiResult } from '../errors';
import { str, type RouteContext } from '../context';
import type { Application } from '../types';
import type { MintedTokens, RefreshTokenRecord } from '../world';

export function tokenResponse(minted: MintedTokens, shortLived: boolean): Record<string, unknown> {
  const { access, refresh } = minted;
  return {
    access_token: access.value,
    token_type: 'bearer',
    expires_at: isoSeconds(access.expiresAt ?? 0),
    merchant_id: access.merchantId,
    refresh_token: refresh.value,
    short_lived: shortLived,
    ...(refresh.flow === 'pkce' && refresh.expiresAt !== undefined
      ? { refresh_token_expires_at: isoSeconds(refresh.expiresAt) }
      : {}),
  };
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) without padding. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function checkSecret(app: Application, body: Record<string, unknown>, pkce: boolean): ApiResult | undefined {
  const secret = str(body.client_secret);
  if (pkce) {
    return secret !== undefined
      ? invalid('INVALID_VALUE', 'client_secret must not be sent in the PKCE flow.', 'client_secret')
      : undefined;
  }
  if (secret === undefined) return invalid('MISSING_REQUIRED_PARAMETER', 'Missing client_secret.', 'client_secret');
  return secret === app.secret ? undefined : unauthorized('Invalid client credentials.');
}

function exchangeCode(ctx: RouteContext, app: Application): ApiResult {
  const { body, world } = ctx;
  const value = str(body.code);
  if (value === undefined) return invalid('MISSING_REQUIRED_PARAMETER', 'Missing code.', 'code');
  const code = world.codes.get(value);
  if (
    !code ||
    code.environment !== ctx.environment ||
    code.applicationId !== app.id ||
    code.used ||
    code.expiresAt <= world.clock.now()
  ) {
    return unauthorized('The authorization code is invalid, expired or already redeemed.');
  }
  const pkce = code.codeChallenge !== undefined;
  const secretProblem = checkSecret(app, body, pkce);
  if (secretProblem) return secretProblem;
  if (code.redirectUri !== undefined && str(body.redirect_uri) !== code.redirectUri) {
    return invalid('INVALID_VALUE', 'redirect_uri does not match the one used to authorize.', 'redirect_uri');
  }
  const verifier = str(body.code_verifier);
  if (pkce) {
    if (verifier === undefined) return invalid('MISSING_REQUIRED_PARAMETER', 'Missing code_verifier.', 'code_verifier');
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge) {
      return invalid('INVALID_VALUE', 'code_verifier does not match the code_challenge.', 'code_verifier');
    }
  } else if (verifier !== undefined) {
    return invalid('INVALID_VALUE', 'code_verifier is only for the PKCE flow.', 'code_verifier');
  }
  code.used = true;
  const shortLived = body.short_lived === true;
  const minted = world.mintAuthorization({
    applicationId: app.id,
    merchantId: code.merchantId,
    scopes: code.scopes,
    flow: pkce ? 'pkce' : 'code',
    shortLived,
  });
  return { status: 200, body: tokenResponse(minted, shortLived) };
}

function refresh(ctx: RouteContext, app: Application): ApiResult {
  const { body, world } = ctx;
  const value = str(body.refresh_token);
  if (value === undefined) return invalid('MISSING_REQUIRED_PARAMETER', 'Missing refresh_token.', 'refresh_token');
  const record: RefreshTokenRecord | undefined = world.refreshTokens.get(value);
  if (!record || record.environment !== ctx.environment || record.applicationId !== app.id) {
    return unauthorized('The refresh token is invalid.');
  }
  const secretProblem = checkSecret(app, body, record.flow === 'pkce');
  if (secretProblem) return secretProblem;
  const state = world.tokenState(value);
  if (state !== 'active') return unauthorized(`The refresh token is ${state === 'used' ? 'already used' : state}.`);
  const requested = Array.isArray(body.scopes)
    ? body.scopes.filter((s): s is string => typeof s === 'string')
    : undefined;
  if (requested && requested.length === 0) return invalid('ARRAY_EMPTY', 'scopes must not be empty.', 'scopes');
  const widened = requested?.filter((s) => !record.scopes.includes(s)) ?? [];
  if (widened.length) {
    return invalid(
      'INVALID_VALUE',
      `scopes can only narrow the authorization; not granted: ${widened.join(', ')}.`,
      'scopes',
    );
  }
  const shortLived = body.short_lived === true;
  const minted = world.refresh(record, requested ?? record.scopes, shortLived);
  return { status: 200, body: tokenResponse(minted, shortLived) };
}

export function obtainToken(ctx: RouteContext): ApiResult {
  const { body } = ctx;
  const app = ctx.world.app(ctx.environment, body.client_id);
  const grantType = str(body.grant_type);
  const result = !app
    ? unauthorized('Invalid client_id.')
    : grantType === 'authorization_code'
      ? exchangeCode(ctx, app)
      : grantType === 'refresh_token'
        ? refresh(ctx, app)
        : grantType === 'migration_token'
          ? invalid('INVALID_VALUE', 'migration_token is not supported by this server.', 'grant_type')
          : invalid('INVALID_VALUE', 'grant_type must be authorization_code or refresh_token.', 'grant_type');
  if (grantType === 'refresh_token') {
    const rec = ctx.world.refreshTokens.get(str(body.refresh_token) ?? '');
    const errorCode = (result.body?.errors as { code?: string }[] | undefined)?.[0]?.code;
    ctx.recordRefresh({
      ...(app ? { applicationId: app.id } : {}),
      ...(rec && app && rec.applicationId === app.id ? { flow: rec.flow } : {}),
      status: result.status,
      ...(errorCode ? { errorCode } : {}),
    });
  }
  return result;
}
