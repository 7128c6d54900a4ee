// Platform REST (ref §8): GET /v3/merchants/{mId}[?expand=owner,address]. Any v2 access token,
// legacy token or merchant test token of THAT merchant with MERCHANT_R; everything else is a 401.
import { authorize } from './auth';
import { json, plainError, type Reply, type RequestContext } from './http-io';

/** Kinds usable as Bearer on /v3 (ref §2, §3). Refresh tokens and Ecommerce keys are not. */
const PLATFORM_KINDS = ['v2_access', 'legacy', 'merchant_test'] as const;

export function getMerchant(ctx: RequestContext): Reply {
  const mId = ctx.params.mId!;
  const cred = authorize(ctx, { kinds: PLATFORM_KINDS, permission: 'MERCHANT_R', merchantId: mId });
  const m = cred && ctx.world.merchant(ctx.env, mId);
  if (!m) return plainError(401);
  const expand = new Set((ctx.query.get('expand') ?? '').split(',').map((s) => s.trim()));
  const origin = `http://${ctx.headers.host ?? '127.0.0.1'}`;
  const href = `${origin}/v3/merchants/${m.id}`;
  return json(200, {
    href,
    id: m.id,
    name: m.name,
    currency: m.currency.toUpperCase(),
    phoneNumber: m.phoneNumber,
    createdTime: m.createdTime,
    owner: expand.has('owner')
      ? {
          href: `${href}/employees/${m.ownerEmployeeId}`,
          id: m.ownerEmployeeId,
          name: m.ownerName,
          email: m.ownerEmail,
        }
      : { href: `${href}/employees/${m.ownerEmployeeId}`, id: m.ownerEmployeeId },
    address: expand.has('address') ? { href: `${href}/address`, ...m.address } : { href: `${href}/address` },
  });
}
