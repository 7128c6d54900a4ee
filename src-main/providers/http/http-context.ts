// One place that hands providers their HTTP clients: every client shares the core's request log,
// endpoint overrides, loopback rule and one per-host limiter (Clover's limits are per app and
// per token, clover-api.md §9, so separate limiters per client would under-count).
import http from 'node:http';
import https from 'node:https';
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
  /** Closes kept-alive connections (core.close()). */
  close(): void;
};

export function createHttpContext(o: HttpContextOptions): HttpContext {
  const limiter = createHostLimiter(o.hostLimits);
  const keyedLimits = createKeyedLimits();
  // Connections are kept open and reused: a new TLS handshake per request would cost the vendor
  // a connection and us most of a bulk inspection's CPU. One agent pair for every client.
  const agents = { httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent({ keepAlive: true }) };
  // One client per provider, environment and service: building an axios instance (config merge,
  // interceptors) per request showed up in the bulk-inspection profile.
  const clients = new Map<string, AxiosInstance>();
  return {
    client: (provider, environment, service) => {
      const key = `${provider}.${environment}.${service}`;
      let c = clients.get(key);
      if (!c)
        clients.set(
          key,
          (c = createHttpClient({ ...o, provider, environment, service, limiter, keyedLimits, agents })),
        );
      return c;
    },
    close: () => {
      agents.httpAgent.destroy();
      agents.httpsAgent.destroy();
    },
  };
}
