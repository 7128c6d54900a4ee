// The plain words Clover results are told in: the 401 checklist (clover-api.md §8, §10), and
// what a failed call means for the user. Kept in one place so every channel says the same.
import type { Environment } from '@shared/vocabulary';
import type { Failure } from './http';

/** Clover answers 401 for an invalid, expired or revoked token and for a missing permission alike
 *  (§8), so the user gets the checklist the community answers give (§10 items 2, 3 and 5). */
export const CHECKLIST_401: readonly string[] = [
  'The environment matches the token: sandbox tokens work only on sandbox hosts, production tokens only on production.',
  'The merchant ID is the merchant the token was issued for.',
  'The token was issued for this app (its App ID), and the app is still installed on the merchant.',
  'The permissions the call needs were enabled before the merchant installed the app (a change needs a reinstall).',
  'The token has not expired: v2 access tokens expire within minutes to hours; refresh them.',
  'The token was not revoked, and a v1 (legacy) authorization code was not sent to the v2 token endpoint.',
];

export const INVALID_401 =
  'invalid, expired, revoked or missing a permission (Clover answers 401 for all of these and does not say which)';

export const envLabel = (e: Environment): string => (e === 'sandbox' ? 'sandbox' : 'production');
export const otherEnv = (e: Environment): Environment => (e === 'sandbox' ? 'production' : 'sandbox');

/** What a failed call means, for a reason field (no vendor text). */
export function failureWords(f: Failure, status: number | null, retryAfterMs: number | null): string {
  switch (f) {
    case 'unauthorized':
      return `Clover answered 401: ${INVALID_401}.`;
    case 'rate_limited':
      return `Clover is rate-limiting these requests (HTTP 429)${retryAfterMs ? `; it asked to wait ${Math.ceil(retryAfterMs / 1000)} s` : ''}.`;
    case 'timeout':
      return 'Clover did not answer in time.';
    case 'network':
      return 'Clover could not be reached (connection failed or was dropped).';
    case 'server':
      return `Clover answered with a server error (HTTP ${status ?? '5xx'}).`;
    case 'client':
      return `Clover refused the request (HTTP ${status ?? '4xx'}).`;
    case 'unreadable':
      return 'Clover sent an answer that could not be read (malformed, cut off or not JSON).';
    case 'not_allowed':
      return 'The request was not sent: that address is not a documented Clover host.';
  }
}
