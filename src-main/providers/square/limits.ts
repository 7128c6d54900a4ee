// How hard Merchant Keychain may push one Square host. Square publishes no rate limits and no
// Retry-After header (square-api.md §7: "we don't document the limits"; back off on 429 with
// jitter), so this is our own choice, carried on every Square request (`mkLimits`):
// - 8 requests in flight per environment host: about what a browser opens per host (6-8), so a
//   bulk inspection looks like a busy browser tab, not a load test. At a typical 150 ms round
//   trip that is ~50 requests/s.
// - 50 request starts per second: half the only figure in circulation (100/s per seller, a
//   third-party claim, UNCONFIRMED), so even if every request were for one seller we would stay
//   under it; on a fast link (< 160 ms) this, not the 8 in flight, is what binds.
// It replaces the core's generic per-host cap (sized for Clover's published per-token limits),
// which would otherwise hold Square to 4 in flight and 10/s for no documented reason.
// A 429 still happens (the limits are Square's and unknown): the HTTP layer retries it with
// exponential backoff and jitter (providers/http/retry-policy.ts), bounded to 3 attempts.
import type { LimitSpec } from '../http/keyed-limits';
import type { Environment } from '@shared/vocabulary';

export const SQUARE_HOST_LIMIT = { maxConcurrent: 8, maxPerSecond: 50 } as const;

export function squareLimits(environment: Environment): LimitSpec[] {
  return [{ key: `square:connect:${environment}`, ...SQUARE_HOST_LIMIT, replacesHostCap: true }];
}
