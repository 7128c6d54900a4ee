// POST /oauth2/revoke (RevokeToken, ref §4). `Authorization: Client <application secret>`; body
// {client_id, access_token} or {client_id, merchant_id}, never both. Without revoke_only_access_token it
// revokes ALL of the app's OAuth tokens for that merchant (access and refresh); with it, only that access
// token (the authorization and its refresh token stay). Answers {"success": true}.
// Stricter choices (UNCONFIRMED): revoke_only_access_token with merchant_id is refused (it names no access
// token); an unknown token, a personal token or another app's token gets 404 NOT_FOUND (nothing to revoke).
import { str, type RouteContext } from '../context';
import { invalid, notFound, unauthorized, type ApiResult } from '../errors';

export function revokeToken(ctx: RouteContext): ApiResult {
  const { body, world } = ctx;
  const m = /^Client (\S+)$/.exec(ctx.headers.authorization ?? '');
  const app = world.app(ctx.environment, body.client_id);
  if (!m || !app || m[1] !== app.secret) return unauthorized();
  const accessToken = str(body.access_token);
  const merchantId = str(body.merchant_id);
  const onlyAccess = body.revoke_only_access_token === true;
  if (accessToken !== undefined && merchantId !== undefined) {
    return invalid('CONFLICTING_PARAMETERS', 'Send access_token or merchant_id, not both.', 'merchant_id');
  }
  if (accessToken === undefined && merchantId === undefined) {
    return invalid('MISSING_REQUIRED_PARAMETER', 'Send access_token or merchant_id.', 'access_token');
  }
  if (merchantId !== undefined) {
    if (onlyAccess) {
      return invalid(
        'CONFLICTING_PARAMETERS',
        'revoke_only_access_token needs access_token.',
        'revoke_only_access_token',
      );
    }
    if (!world.merchant(ctx.environment, merchantId)) return notFound('Merchant not found.', 'merchant_id');
    world.revokeAuthorization(ctx.environment, app.id, merchantId);
    return { status: 200, body: { success: true } };
  }
  const token = world.accessTokens.get(accessToken ?? '');
  if (!token || token.kind !== 'oauth' || token.environment !== ctx.environment || token.applicationId !== app.id) {
    return notFound('Access token not found.', 'access_token');
  }
  if (onlyAccess) token.revoked = true;
  else world.revokeAuthorization(ctx.environment, app.id, token.merchantId);
  return { status: 200, body: { success: true } };
}
