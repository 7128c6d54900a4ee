// GET /oauth2/authorize: the seller's consent page (ref §4; not in the OpenAPI, §9), and the decision it
// posts back. Allow -> redirect_uri?code=sq0cgb-...&response_type=code&state=...; Deny ->
// redirect_uri?error=access_denied&error_description=user_denied&state=... . `code_challenge` turns on
// PKCE; only S256 is accepted (stricter than "plain"). The redirect_uri, when given, must equal the
// application's registered Redirect URL (as Square's console requires). `session` has no effect.
import { LIFETIME, type World } from '../world';
import { ids } from '../ids';
import { DEFAULT_AUTHORIZE_SCOPES } from '../spec';
import type { ApiResult } from '../errors';
import type { AuthorizeInput, Environment } from '../types';

export class AuthorizeError extends Error {}

export function authorizeRedirect(world: World, env: Environment, input: AuthorizeInput, allScopes: string[]): string {
  const app = world.app(env, input.applicationId);
  if (!app) throw new AuthorizeError('Unknown client_id for this environment.');
  if (app.redirectUri === undefined) throw new AuthorizeError('The application has no registered Redirect URL.');
  if (input.redirectUri !== undefined && input.redirectUri !== app.redirectUri) {
    throw new AuthorizeError("redirect_uri does not match the application's Redirect URL.");
  }
  const scopes = input.scopes ?? DEFAULT_AUTHORIZE_SCOPES;
  const unknown = scopes.filter((s) => !allScopes.includes(s));
  if (unknown.length || scopes.length === 0) throw new AuthorizeError('Invalid scope.');
  if (input.codeChallengeMethod !== undefined && input.codeChallengeMethod !== 'S256') {
    throw new AuthorizeError('code_challenge_method must be S256.');
  }
  if (input.codeChallenge !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(input.codeChallenge)) {
    throw new AuthorizeError('code_challenge must be a BASE64URL SHA-256 digest (43 characters).');
  }
  if (!world.merchant(env, input.merchantId)) throw new AuthorizeError('Unknown seller for this environment.');
  const target = new URL(app.redirectUri);
  if ((input.decision ?? 'allow') === 'deny') {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_description', 'user_denied');
  } else {
    const value = ids.authorizationCode(env);
    world.codes.set(value, {
      value,
      environment: env,
      applicationId: app.id,
      merchantId: input.merchantId,
      scopes: [...scopes],
      expiresAt: world.clock.now() + LIFETIME.code,
      used: false,
      ...(input.redirectUri !== undefined ? { redirectUri: input.redirectUri } : {}),
      ...(input.codeChallenge !== undefined ? { codeChallenge: input.codeChallenge } : {}),
    });
    target.searchParams.set('code', value);
    target.searchParams.set('response_type', 'code');
  }
  if (input.state !== undefined) target.searchParams.set('state', input.state);
  return target.href;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const FORWARDED = ['client_id', 'scope', 'state', 'redirect_uri', 'code_challenge', 'code_challenge_method'];

function page(status: number, title: string, body: string): ApiResult {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return { status, html };
}

function inputFrom(params: URLSearchParams): Omit<AuthorizeInput, 'merchantId'> {
  const get = (k: string) => params.get(k) ?? undefined;
  const scope = get('scope');
  const opt = <K extends string>(key: K, v: string | undefined) => (v !== undefined ? { [key]: v } : {});
  return {
    applicationId: get('client_id') ?? '',
    ...(scope !== undefined ? { scopes: scope.split(/[\s+]+/).filter(Boolean) } : {}),
    ...opt('state', get('state')),
    ...opt('redirectUri', get('redirect_uri')),
    ...opt('codeChallenge', get('code_challenge')),
    ...opt('codeChallengeMethod', get('code_challenge_method')),
  };
}

/** GET: the consent page, with a seller chooser and Allow / Deny buttons posting back to the same path. */
export function authorizePage(world: World, env: Environment, query: URLSearchParams, allScopes: string[]): ApiResult {
  const input = inputFrom(query);
  const app = world.app(env, input.applicationId);
  if (!app) return page(400, 'Authorization failed', '<p>Unknown client_id.</p>');
  const scopes = input.scopes ?? DEFAULT_AUTHORIZE_SCOPES;
  if (scopes.some((s) => !allScopes.includes(s))) return page(400, 'Authorization failed', '<p>Invalid scope.</p>');
  const sellers = [...world.merchants.values()].filter((m) => m.environment === env);
  const hidden = FORWARDED.filter((k) => query.has(k))
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(query.get(k) ?? '')}">`)
    .join('');
  const options = sellers.map((m) => `<option value="${m.id}">${escapeHtml(m.businessName)} (${m.id})</option>`);
  return page(
    200,
    `${app.name} wants access to your Square account`,
    `<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` +
      `<form method="post" action="/oauth2/authorize">${hidden}` +
      `<label>Seller <select name="merchant_id">${options.join('')}</select></label>` +
      '<button type="submit" name="decision" value="allow">Allow</button>' +
      '<button type="submit" name="decision" value="deny">Deny</button></form>',
  );
}

/** POST (the page's form): redirect to the application with a code or an error. */
export function authorizeDecision(
  world: World,
  env: Environment,
  form: URLSearchParams,
  allScopes: string[],
): ApiResult {
  const decision = form.get('decision') === 'deny' ? 'deny' : 'allow';
  try {
    const location = authorizeRedirect(
      world,
      env,
      { ...inputFrom(form), merchantId: form.get('merchant_id') ?? '', decision },
      allScopes,
    );
    return { status: 302, headers: { location }, html: '' };
  } catch (e) {
    if (!(e instanceof AuthorizeError)) throw e;
    return page(400, 'Authorization failed', `<p>${escapeHtml(e.message)}</p>`);
  }
}
