// OAuth with PKCE for a desktop app (square-api.md §4: public clients must use PKCE; an Electron
// app is one): the verifier, its S256 challenge and the state, all from the OS CSPRNG; the
// authorize URL; and the allowlist it must pass before the system browser opens it. That
// allowlist is Square's two authorize endpoints and nothing else (not the docs allowlist).
import { createHash, randomBytes } from 'node:crypto';
import { baseUrlFor, isLoopbackHost, type EndpointOverrides } from '../http/hosts';
import type { Environment } from '@shared/vocabulary';

/** Only what Merchant Keychain uses: business name and locations, and sandbox test payments. */
export const CONNECT_SCOPES = ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'] as const;

export const AUTHORIZE_PATH = '/oauth2/authorize';
/** Square's authorize endpoint is on the API host of each environment (square-api.md §4). */
const AUTHORIZE_HOSTS: Record<Environment, string> = {
  sandbox: 'connect.squareupsandbox.com',
  production: 'connect.squareup.com',
};

export interface Pkce {
  /** 43 characters of [A-Za-z0-9_-] (RFC 7636: 43-128 unreserved characters). */
  verifier: string;
  challenge: string;
  state: string;
}

export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    state: randomBytes(24).toString('base64url'),
  };
}

export function authorizeUrl(o: {
  environment: Environment;
  endpoints?: EndpointOverrides;
  clientId: string;
  pkce: Pkce;
  redirectUri: string;
}): string {
  const u = new URL(`${baseUrlFor('square', o.environment, 'connect', o.endpoints)}${AUTHORIZE_PATH}`);
  u.searchParams.set('client_id', o.clientId);
  u.searchParams.set('scope', CONNECT_SCOPES.join(' '));
  u.searchParams.set('state', o.pkce.state);
  u.searchParams.set('code_challenge', o.pkce.challenge);
  u.searchParams.set('redirect_uri', o.redirectUri);
  return u.href;
}

/** True only for Square's authorize endpoint of that environment (https, default port, no
 *  userinfo, exact path), or a loopback stand-in when the core was created for tests. */
export function isAllowedAuthorizeUrl(
  url: string,
  environment: Environment,
  o: { allowLoopbackHttp: boolean },
): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username !== '' || u.password !== '' || u.hash !== '' || u.pathname !== AUTHORIZE_PATH) return false;
  if (!u.searchParams.get('client_id') || !u.searchParams.get('state') || !u.searchParams.get('code_challenge'))
    return false;
  if (u.protocol === 'https:') return u.port === '' && u.hostname === AUTHORIZE_HOSTS[environment];
  return u.protocol === 'http:' && o.allowLoopbackHttp && isLoopbackHost(u.hostname);
}
