// One place that hands providers their HTTP clients: every client shares the core's request log,
// endpoint overrides, loopback rule and one per-host limiter (Clover's limits are per app and
// per token, clover-api.md §9, so separate limiters per client would under-count).
import type { AxiosInstance } from 'axios';
import type { Logger } from '../../log/logger';
import type { RedactionRegistry } from '../../log/redaction';
import { createHttpClient } from './client';
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
}

export type HttpContext = {
  client<P extends ProviderId>(provider: P, environment: EnvironmentId, service: ServiceOf<P>): AxiosInstance;
};

export function createHttpContext(o: HttpContextOptions): HttpContext {
  const limiter = createHostLimiter();
  return {
    client: (provider, environment, service) =>
      createHttpClient({ ...o, provider, environment, service, limiter }),
  };
}
