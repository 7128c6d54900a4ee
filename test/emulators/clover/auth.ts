// Bearer / apikey checks. ref §8: Clover answers 401 for an invalid, expired or revoked token AND for a
// missing permission ("does not distinguish ... returns a 401 in either case"), so every refusal here is
// a 401 and the caller cannot tell which. A token of the other environment is unknown here: 401 too.
import { bearer, type RequestContext } from './http-io';
import type { CredentialRecord } from './state';
import type { CloverPermission, CredentialKind } from './types';

export interface Requirement {
  kinds: readonly CredentialKind[];
  permission?: CloverPermission;
  /** The token must belong to this merchant (platform paths carry the mId). */
  merchantId?: string;
}

/** The usable credential the request's Bearer header names, or undefined (=> 401). */
export function authorize(ctx: RequestContext, req: Requirement): CredentialRecord | undefined {
  const value = bearer(ctx.headers);
  if (value === undefined) return undefined;
  return check(ctx, ctx.world.activeCredential(ctx.env, value), req);
}

/** Tokenization authenticates with the `apikey` header (ref §6): a PAKMS key or an Ecommerce public key. */
export function authorizeApiKey(ctx: RequestContext): CredentialRecord | undefined {
  const value = ctx.headers.apikey;
  if (typeof value !== 'string' || value === '') return undefined;
  return check(ctx, ctx.world.activeCredential(ctx.env, value), { kinds: ['pakms', 'ecommerce_public'] });
}

function check(ctx: RequestContext, c: CredentialRecord | undefined, req: Requirement): CredentialRecord | undefined {
  if (!c || !req.kinds.includes(c.kind)) return undefined;
  if (req.merchantId !== undefined && c.merchantId !== req.merchantId) return undefined;
  if (req.permission && !ctx.world.permissionsOf(c).has(req.permission)) return undefined;
  return c;
}

/** Who a request is "from" for rate limiting and the log, without judging validity: a known
 *  credential of this environment (valid or not) or null. */
export function identify(ctx: Pick<RequestContext, 'env' | 'headers' | 'world'>): CredentialRecord | null {
  const value = bearer(ctx.headers) ?? (typeof ctx.headers.apikey === 'string' ? ctx.headers.apikey : undefined);
  if (value === undefined) return null;
  const c = ctx.world.credentialByValue(value);
  return c && c.environment === ctx.env ? c : null;
}

export function presentedSecret(ctx: Pick<RequestContext, 'headers'>): string | undefined {
  return bearer(ctx.headers) ?? (typeof ctx.headers.apikey === 'string' ? ctx.headers.apikey : undefined);
}
