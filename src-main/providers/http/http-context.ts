// One place that hands providers their HTTP clients: every client shares the core's request log,
// endpoint overrides, loopback rule, one per-host limiter per provider and one set of keyed limits
// (Clover's limits are per app and per token, clover-api.md §9, so separate limiters per client
// would under-count).
import type { AxiosInstance } from 'axios';
import type { Logger } from '../../log/logger';
import type { RedactionRegistry } from '../../log/redaction';
import { createHttpClient } from './client';
import { createKeyedLimits } from './keyed-limits';
import { createHostLimiter } from './rate-limit';
import type { EndpointOverrides, EnvironmentId, ProviderId, ServiceOf } from './hosts';
import type { RequestLog } from './request-log';

export interface HttpContextOptions {
  endpoints?: EndpointOverrides;
  allowLoopbackHttp: boolean;
  logger: Logger;
  redaction: RedactionRegistry;
  requestLog: RequestLog;
  clock: () => Date;
  timeoutMs?: number;
  /** Per-host cap shared by every client of a provider (default DEFAULT_HOST_LIMITS). */
  hostLimits?: HostLimits;
  /** First retry backoff (default 1000 ms, doubled each retry); tests pass a few ms. */
  retryBaseDelayMs?: number;
}

export type HostLimits = Partial<Record<ProviderId, { maxConcurrent: number; maxPerWindow: number }>>;

/**
 * The per-host cap is a safety net against a runaway loop, not a vendor's limit.
 * - Clover publishes its limits per token and per app (clover-api.md §9), and its module carries
 *   them on every request (`mkLimits`), so its host cap must not be lower than what many apps may
 *   use together: a support engineer's 25 apps may run 25 x 10 requests at once and 25 x 50/s.
 *   256 in flight and 1,250 starts/s allow exactly that and still bound sockets and bursts.
 * - Square publishes no numbers (square-api.md §7), so its host keeps the conservative cap, below
 *   Clover's single-token limits (4 in flight, 10/s), until its module carries limits of its own.
 */
export const DEFAULT_HOST_LIMITS: Required<HostLimits> = {
  clover: { maxConcurrent: 256, maxPerWindow: 1_250 },
  square: { maxConcurrent: 4, maxPerWindow: 10 },
};

export type HttpContext = {
  client<P extends ProviderId>(provider: P, environment: EnvironmentId, service: ServiceOf<P>): AxiosInstance;
};

export function createHttpContext(o: HttpContextOptions): HttpContext {
  const limiters = {
    clover: createHostLimiter(o.hostLimits?.clover ?? DEFAULT_HOST_LIMITS.clover),
    square: createHostLimiter(o.hostLimits?.square ?? DEFAULT_HOST_LIMITS.square),
  };
  const keyedLimits = createKeyedLimits();
  return {
    client: (provider, environment, service) =>
      createHttpClient({ ...o, provider, environment, service, limiter: limiters[provider], keyedLimits }),
  };
}
