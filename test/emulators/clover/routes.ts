// Every service on every listener (ref §1 hosts differ per service, but the paths do not collide).
import { authorizePage, authorizeSubmit } from './authorize-page';
import { createCharge, createRefund } from './charges';
import type { Reply, RequestContext } from './http-io';
import { migrate, refresh, token } from './oauth';
import { getApiKey } from './pakms';
import { getMerchant } from './platform';
import { createToken } from './tokenize';

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: (ctx: RequestContext) => Reply;
  /** Subject to the ref §9 limits (calls authenticated by a Bearer token or apikey). */
  limited: boolean;
  /** Which error body the route's family speaks: plain `{message}` or the Ecommerce fields (ref §7). */
  errors: 'plain' | 'ecommerce';
}

export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/oauth\/v2\/token$/, handler: token, limited: false, errors: 'plain' },
  { method: 'POST', pattern: /^\/oauth\/v2\/refresh$/, handler: refresh, limited: false, errors: 'plain' },
  { method: 'POST', pattern: /^\/oauth\/token\/migrate_v2$/, handler: migrate, limited: false, errors: 'plain' },
  { method: 'GET', pattern: /^\/oauth\/v2\/authorize$/, handler: authorizePage, limited: false, errors: 'plain' },
  { method: 'POST', pattern: /^\/oauth\/v2\/authorize$/, handler: authorizeSubmit, limited: false, errors: 'plain' },
  {
    method: 'GET',
    pattern: /^\/v3\/merchants\/(?<mId>[A-Za-z0-9]+)$/,
    handler: getMerchant,
    limited: true,
    errors: 'plain',
  },
  // ref §5: one doc step says /v1/pakms/apikey, the examples say /pakms/apikey; only the latter exists here.
  { method: 'GET', pattern: /^\/pakms\/apikey$/, handler: getApiKey, limited: true, errors: 'plain' },
  { method: 'POST', pattern: /^\/v1\/tokens$/, handler: createToken, limited: true, errors: 'ecommerce' },
  { method: 'POST', pattern: /^\/v1\/charges$/, handler: createCharge, limited: true, errors: 'ecommerce' },
  { method: 'POST', pattern: /^\/v1\/refunds$/, handler: createRefund, limited: true, errors: 'ecommerce' },
];

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method'; allow: string }
  | { kind: 'none' };

export function findRoute(method: string, path: string): RouteMatch {
  const byPath = ROUTES.filter((r) => r.pattern.test(path));
  const route = byPath.find((r) => r.method === method);
  if (route) return { kind: 'found', route, params: { ...route.pattern.exec(path)!.groups } };
  if (byPath.length) return { kind: 'method', allow: byPath.map((r) => r.method).join(', ') };
  return { kind: 'none' };
}
