// Bearer authentication and scope checks for the stand-in's API routes.
//
// Which code an unusable token gets (ref §3, §7; decided here, documented in README.md):
// - POST /oauth2/token/status: UNAUTHORIZED for any expired, revoked or unknown token (REF RetrieveTokenStatus).
// - Everywhere else: ACCESS_TOKEN_EXPIRED for an expired token, ACCESS_TOKEN_REVOKED for a revoked one
//   (SPEC generic error codes), UNAUTHORIZED for a missing, malformed or unknown one, including a token of
//   the other environment. All 401: DOCS token-introspection says expired tokens cause "401 errors".
// - A missing scope: 403 INSUFFICIENT_SCOPES (the 403 is UNCONFIRMED, ref §7). Personal access tokens
//   have full access (ref §2), so scopes are only checked for OAuth tokens.
import { fail, unauthorized, type ApiResult } from './errors';
import type { AccessTokenRecord, World } from './world';
import type { Environment } from './types';

export type AuthOutcome = { ok: true; token: AccessTokenRecord } | { ok: false; result: ApiResult };

export interface AuthRequest {
  environment: Environment;
  authorization: string | undefined;
}

export function authenticate(
  world: World,
  req: AuthRequest,
  opts: { scopes: string[]; tokenStatus?: boolean },
): AuthOutcome {
  const m = /^Bearer (\S+)$/.exec(req.authorization ?? '');
  const token = m ? world.accessTokens.get(m[1] ?? '') : undefined;
  if (!token || token.environment !== req.environment) return { ok: false, result: unauthorized() };
  const expired = token.expiresAt !== undefined && token.expiresAt <= world.clock.now();
  if (token.revoked || expired) {
    if (opts.tokenStatus) return { ok: false, result: unauthorized() };
    const code = token.revoked ? 'ACCESS_TOKEN_REVOKED' : 'ACCESS_TOKEN_EXPIRED';
    const detail = token.revoked
      ? 'The provided access token has been revoked.'
      : 'The provided access token has expired.';
    return { ok: false, result: fail(401, [{ category: 'AUTHENTICATION_ERROR', code, detail }]) };
  }
  if (token.kind === 'oauth') {
    const missing = opts.scopes.filter((s) => !token.scopes.includes(s));
    if (missing.length) {
      return {
        ok: false,
        result: fail(403, [
          {
            category: 'AUTHENTICATION_ERROR',
            code: 'INSUFFICIENT_SCOPES',
            detail:
              `The merchant has not given your application sufficient permissions to do that. The application ` +
              `must request the following scopes: ${missing.join(', ')}.`,
          },
        ]),
      };
    }
  }
  return { ok: true, token };
}
