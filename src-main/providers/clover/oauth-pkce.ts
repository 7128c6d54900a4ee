// PKCE for Clover's low-trust (desktop) OAuth flow (clover-api.md §2: native apps must use it, no
// app secret in the app). Clover does not spell out the parameter names (UNCONFIRMED), so RFC 7636
// is followed: S256 only, base64url without padding, a 64-character verifier.
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function createPkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url'); // 64 characters of [A-Za-z0-9_-]
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `state` that ties the browser's answer to this request (CSRF, RFC 6749 §10.12). */
export const createState = (): string => randomBytes(32).toString('base64url');

export function authorizeUrl(
  base: string,
  p: { clientId: string; redirectUri: string; state: string; challenge: string },
): string {
  const u = new URL('/oauth/v2/authorize', base);
  u.searchParams.set('client_id', p.clientId);
  u.searchParams.set('redirect_uri', p.redirectUri);
  u.searchParams.set('state', p.state);
  u.searchParams.set('code_challenge', p.challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  return u.href;
}
