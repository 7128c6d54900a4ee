// One place that hands providers their HTTP clients: every client shares the core's request log,
// endpoint overrides, loopback rule and one per-host limiter (Clover's limits are per app and
// per token, clover-api.md §9, so separate limiters per client would under-count).
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
  /** First retry backoff step (default 1000 ms); tests shorten it (CoreOptions.timing). */
  retryBaseDelayMs?: number;
  /** Per-host cap shared by every client (default 4 in flight, 10 starts/s). Providers with
   *  published per-token limits carry those on each request instead (`mkLimits`). */
  hostLimits?: { maxConcurrent: number; maxPerWindow: number };
}

export type HttpContext = {
  client<P extends ProviderId>(provider: P, environment: EnvironmentId, service: ServiceOf<P>): AxiosInstance;
};

export function createHttpContext(o: HttpContextOptions): HttpContext {
  const limiter = createHostLimiter(o.hostLimits);
  const keyedLimits = createKeyedLimits();
  return {
    client: (provider, environment, service) =>
      createHttpClient({ ...o, provider, environment, service, limiter, keyedLimits }),
  };
}
