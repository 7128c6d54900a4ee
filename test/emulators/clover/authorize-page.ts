// The browser side of OAuth v2 (ref §2): GET /oauth/v2/authorize shows a small consent page for one
// merchant; its Allow form POSTs back and gets a 302 to redirect_uri with code, merchant_id, client_id,
// employee_id and state (the callback parameters ref §2 lists). `grant` is also what handle.authorize uses.
import { escapeHtml, html, redirect, type Reply, type RequestContext } from './http-io';
import { CHALLENGE_RE } from './oauth';
import type { World } from './state';
import type { AppRecord, CloverEnvironment } from './types';

export interface GrantRequest {
  clientId: string;
  redirectUri?: string;
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  merchantId?: string;
}

type Checked = { ok: true; app: AppRecord; merchantId: string; redirectUri: string } | { ok: false; error: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Same scheme, host, port and path (query may differ); loopback URIs may use any port (RFC 8252 §7.3). */
function redirectAllowed(app: AppRecord, uri: URL): boolean {
  if (app.redirectUris.length === 0) return true;
  return app.redirectUris.some((allowed) => {
    const a = new URL(allowed);
    const samePort = a.port === uri.port || LOOPBACK.has(uri.hostname);
    return a.protocol === uri.protocol && a.hostname === uri.hostname && samePort && a.pathname === uri.pathname;
  });
}

function check(world: World, env: CloverEnvironment, r: GrantRequest): Checked {
  const app = world.app(env, r.clientId);
  if (!app) return { ok: false, error: 'Unknown client_id' };
  const rawRedirect = r.redirectUri ?? app.redirectUris[0];
  if (rawRedirect === undefined) return { ok: false, error: 'redirect_uri is required' };
  let uri: URL;
  try {
    uri = new URL(rawRedirect);
  } catch {
    return { ok: false, error: 'redirect_uri is not a URL' };
  }
  if (uri.protocol !== 'http:' && uri.protocol !== 'https:')
    return { ok: false, error: 'redirect_uri must be http(s)' };
  if (!redirectAllowed(app, uri)) return { ok: false, error: 'redirect_uri is not registered for this app' };
  // ref §2: PKCE parameter names/encoding are UNCONFIRMED. We accept the RFC 7636 names with S256 only
  // (base64url, no padding) and refuse `plain` or a method without a challenge: the stricter choice.
  if (r.codeChallenge !== undefined || r.codeChallengeMethod !== undefined) {
    if (r.codeChallengeMethod !== 'S256') return { ok: false, error: 'code_challenge_method must be S256' };
    if (r.codeChallenge === undefined || !CHALLENGE_RE.test(r.codeChallenge)) {
      return { ok: false, error: 'code_challenge must be base64url(sha256(verifier)) without padding' };
    }
  }
  const merchantId = r.merchantId ?? world.authorizeMerchant[env] ?? firstMerchant(world, env);
  if (merchantId === undefined || !world.merchant(env, merchantId)) return { ok: false, error: 'No such merchant' };
  return { ok: true, app, merchantId, redirectUri: uri.href };
}

function firstMerchant(world: World, env: CloverEnvironment): string | undefined {
  for (const m of world.merchants.values()) if (m.environment === env) return m.id;
  return undefined;
}

/** The merchant clicked Allow: install the app if needed, mint a code, build the callback URL. */
export function grant(
  world: World,
  env: CloverEnvironment,
  r: GrantRequest,
): { ok: true; location: string } | { ok: false; error: string } {
  const c = check(world, env, r);
  if (!c.ok) return c;
  if (!world.install(c.app.id, c.merchantId)) {
    world.setInstall({
      appId: c.app.id,
      merchantId: c.merchantId,
      environment: env,
      permissions: [...c.app.permissions],
      installedAt: world.now(),
    });
  }
  const code = world.issueCode(env, c.app.id, c.merchantId, r.codeChallenge ?? null);
  const merchant = world.merchant(env, c.merchantId)!;
  const url = new URL(c.redirectUri);
  url.searchParams.set('merchant_id', c.merchantId);
  url.searchParams.set('client_id', c.app.id);
  url.searchParams.set('employee_id', merchant.ownerEmployeeId);
  url.searchParams.set('code', code.code);
  if (r.state !== undefined) url.searchParams.set('state', r.state);
  return { ok: true, location: url.href };
}

function fromParams(p: URLSearchParams): GrantRequest {
  const r: GrantRequest = { clientId: p.get('client_id') ?? '' };
  const opt = (name: string) => p.get(name) ?? undefined;
  const set = <K extends keyof GrantRequest>(k: K, v: GrantRequest[K] | undefined) => {
    if (v !== undefined) r[k] = v;
  };
  set('redirectUri', opt('redirect_uri'));
  set('state', opt('state'));
  set('codeChallenge', opt('code_challenge'));
  set('codeChallengeMethod', opt('code_challenge_method'));
  set('merchantId', opt('merchant_id'));
  return r;
}

const errorPage = (message: string): Reply =>
  html(400, `<!doctype html><title>Clover - error</title><h1>Cannot authorize</h1><p>${escapeHtml(message)}</p>`);

/** GET /oauth/v2/authorize */
export function authorizePage(ctx: RequestContext): Reply {
  const r = fromParams(ctx.query);
  const c = check(ctx.world, ctx.env, r);
  if (!c.ok) return errorPage(c.error);
  const merchant = ctx.world.merchant(ctx.env, c.merchantId)!;
  const hidden = { ...Object.fromEntries(ctx.query), merchant_id: c.merchantId, redirect_uri: c.redirectUri };
  const inputs = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
  const perms = c.app.permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return html(
    200,
    `<!doctype html><html><head><meta charset="utf-8"><title>Clover - Authorize ${escapeHtml(c.app.name)}</title></head>
<body><h1>${escapeHtml(c.app.name)} wants access to ${escapeHtml(merchant.name)}</h1>
<p>Merchant <code>${escapeHtml(merchant.id)}</code> (${ctx.env})</p><ul>${perms}</ul>
<form method="post" action="/oauth/v2/authorize">
${inputs}
<button type="submit" name="decision" value="allow">Allow</button>
</form></body></html>`,
  );
}

/** POST /oauth/v2/authorize (the Allow button). */
export function authorizeSubmit(ctx: RequestContext): Reply {
  const type = (ctx.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return errorPage('Expected a form submission');
  const form = new URLSearchParams(ctx.rawBody);
  if (form.get('decision') !== 'allow') return errorPage('Only Allow is modelled');
  const r = grant(ctx.world, ctx.env, fromParams(form));
  return r.ok ? redirect(r.location) : errorPage(r.error);
}
