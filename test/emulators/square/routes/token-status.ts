// POST /oauth2/token/status (RetrieveTokenStatus, ref §3): no scope needed, works for OAuth and personal
// tokens. Any expired, revoked or unknown token (including one of the other environment) gets
// 401 UNAUTHORIZED, as REF says. The body must be empty: the contract check refuses one (README.md).
import { authenticate } from '../auth';
import { isoSeconds } from '../clock';
import type { RouteContext } from '../context';
import type { ApiResult } from '../errors';

export function retrieveTokenStatus(ctx: RouteContext): ApiResult {
  const auth = authenticate(
    ctx.world,
    { environment: ctx.environment, authorization: ctx.headers.authorization },
    { scopes: [], tokenStatus: true },
  );
  if (!auth.ok) return auth.result;
  const t = auth.token;
  // "Empty if the token never expires" (personal tokens): omitted by default, '' if the option says so.
  const expiresAt =
    t.expiresAt !== undefined
      ? { expires_at: isoSeconds(t.expiresAt) }
      : ctx.options.personalTokenExpiresAt === 'empty-string'
        ? { expires_at: '' }
        : {};
  return {
    status: 200,
    body: { scopes: [...t.scopes], ...expiresAt, client_id: t.applicationId, merchant_id: t.merchantId },
  };
}
