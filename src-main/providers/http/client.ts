// The axios factory every provider uses. One wrapped adapter runs right before each network attempt
// (first try and every retry), so the checks below see the final URL and cannot be skipped:
// host allowlist (DESIGN invariant 7), no redirects, no proxies, per-host limiter, and one request
// log entry + one audit line per attempt (invariant 6). Errors leave as typed, redacted errors.
import { plainError } from './plain-error';
import type { Replay } from './request-log';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import axios, {
  AxiosError,
  AxiosHeaders,
  type AxiosAdapter,
  type AxiosInstance,
  type InternalAxiosRequestConfig,
} from 'axios';
import axiosRetry from 'axios-retry';
import type { Logger } from '../../log/logger';
import type { RedactionRegistry } from '../../log/redaction';
import {
  baseUrlFor,
  isAllowedUrl,
  type EndpointOverrides,
  type EnvironmentId,
  type ProviderId,
  type Region,
  type ServiceOf,
} from './hosts';
import { HostNotAllowedError, contextOf, toProviderHttpError } from './http-errors';
import { createKeyedLimits, type KeyedLimits, type LimitSpec } from './keyed-limits';
import { createHostLimiter, type HostLimiter } from './rate-limit';
import { buildRequestLogEntry, idempotencyKeyFrom, type RequestLog } from './request-log';
import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry, type RetryPolicy } from './retry-policy';

export * from './http-errors';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Set by the adapter on the first attempt; retries must carry the same key (invariant 4). */
    mkPinnedIdempotencyKey?: string | null;
    /** Limits this request counts against besides its host's (keyed-limits.ts). */
    mkLimits?: readonly LimitSpec[];
  }
}

export interface HttpClientOptions<P extends ProviderId = ProviderId> {
  provider: P;
  environment: EnvironmentId;
  service: ServiceOf<P>;
  /** Clover production region (clover-api.md §1); default 'na'. */
  region?: Region;
  endpoints?: EndpointOverrides;
  /** Test option: allow plain http to loopback addresses only. */
  allowLoopbackHttp: boolean;
  /** Per attempt, total: connect, wait, headers and the whole body (AbortSignal). Default 15 000. */
  timeoutMs?: number;
  /** Largest response body accepted, in bytes (default 1 MiB): vendor JSON answers are small. */
  maxResponseBytes?: number;
  logger: Logger;
  redaction: RedactionRegistry;
  requestLog: RequestLog;
  /** For the log's timestamps. */
  clock?: () => Date;
  /** Default 2 (so at most 3 attempts). */
  maxRetries?: number;
  /** Default 1000 ms; tests pass a few ms. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  maxRetryAfterMs?: number;
  /** Share one limiter across clients of the same host; default: a private one (4 in flight, 10/s). */
  limiter?: HostLimiter;
  /** Shared counters for the per-request limits (`mkLimits`); default: a private set. */
  keyedLimits?: KeyedLimits;
  /** Keep-alive agents shared by the context's clients; default: Node's global agents. */
  agents?: { httpAgent: HttpAgent; httpsAgent: HttpsAgent };
}

export function createHttpClient<P extends ProviderId>(o: HttpClientOptions<P>): AxiosInstance {
  const { provider, environment, redaction, logger, requestLog } = o;
  const baseURL = baseUrlFor(provider, environment, o.service, o.endpoints, o.region);
  const clock = o.clock ?? (() => new Date());
  const limiter = o.limiter ?? createHostLimiter();
  const keyedLimits = o.keyedLimits ?? createKeyedLimits();
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    ...(o.maxRetries !== undefined && { maxRetries: o.maxRetries }),
    ...(o.retryBaseDelayMs !== undefined && { baseDelayMs: o.retryBaseDelayMs }),
    ...(o.retryMaxDelayMs !== undefined && { maxDelayMs: o.retryMaxDelayMs }),
    ...(o.maxRetryAfterMs !== undefined && { maxRetryAfterMs: o.maxRetryAfterMs }),
  };
  const network = axios.getAdapter('http');
  const defaultTimeout = o.timeoutMs ?? 15_000;
  const maxResponseBytes = o.maxResponseBytes ?? 1024 * 1024;

  // `url` is computed once per attempt: axios.getUri merges the whole config, which showed up as
  // a large share of a bulk inspection's CPU when it ran several times per request.
  /** The request as sent, for "Copy as curl" (kept in main's memory only; see request-log.ts). */
  const replayOf = (config: InternalAxiosRequestConfig, url: string): Replay => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(config.headers.toJSON())) {
      if (typeof value === 'string' && !/^(user-agent|content-length|accept-encoding)$/i.test(name))
        headers[name] = value;
    }
    const body =
      config.data === undefined || config.data === null
        ? null
        : typeof config.data === 'string'
          ? config.data
          : config.data instanceof URLSearchParams
            ? config.data.toString()
            : JSON.stringify(config.data);
    return { method: (config.method ?? 'get').toUpperCase(), url, headers, body };
  };

  const record = (
    config: InternalAxiosRequestConfig,
    url: string,
    at: Date,
    durationMs: number,
    status: number | null,
    error: string | null,
  ): void => {
    const retry = (config as { 'axios-retry'?: { retryCount?: number } })['axios-retry'];
    const entry = buildRequestLogEntry(
      {
        provider,
        method: (config.method ?? 'get').toUpperCase(),
        url,
        status,
        durationMs,
        idempotencyKey: idempotencyKeyFrom(config.headers.toJSON(), config.data),
        attempt: (retry?.retryCount ?? 0) + 1,
        error,
        at,
      },
      redaction,
    );
    requestLog.add(entry, replayOf(config, url));
    const { id: _id, at: _at, ...fields } = entry;
    const ok = error === null && status !== null && status < 400;
    logger.log(ok ? 'info' : 'warn', 'http.attempt', { ...fields, environment });
  };

  const adapter: AxiosAdapter = async (config) => {
    const at = clock();
    const url = safeUri(config);
    if (config.socketPath || !isAllowedUrl(url, provider, environment, { allowLoopbackHttp: o.allowLoopbackHttp })) {
      const err = new HostNotAllowedError(
        'host_not_allowed',
        `not an allowed ${provider} ${environment} host`,
        contextOf(config, provider, redaction),
        redaction,
      );
      record(config, url, at, 0, null, 'host not allowed');
      throw err;
    }
    pinIdempotencyKey(config);
    // Enforced here, per attempt, whatever the caller's per-request config says.
    config.maxRedirects = 0;
    config.beforeRedirect = undefined;
    config.proxy = false;
    config.maxContentLength = maxResponseBytes;
    config.maxBodyLength = maxResponseBytes;
    // axios' `timeout` is an idle timeout in Node: a server that drips one byte a second never
    // trips it. The attempt gets a total deadline instead, limiter wait included.
    const deadlineMs = config.timeout || defaultTimeout;
    const deadline = AbortSignal.timeout(deadlineMs);
    const callerSignal = config.signal as AbortSignal | undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
    let release: () => void;
    try {
      const specs = config.mkLimits ?? [];
      const releaseKeyed = await keyedLimits.acquire(specs, signal);
      const ownHostCap = specs.some((s) => s.replacesHostCap === true);
      const releaseHost = ownHostCap
        ? () => undefined
        : await limiter.acquire(new URL(url).host, signal).catch((e: unknown) => {
            releaseKeyed();
            throw e;
          });
      release = () => (releaseHost(), releaseKeyed());
    } catch (e) {
      if (deadline.aborted) throw deadlineError(config, deadlineMs);
      throw e;
    }
    const started = performance.now();
    try {
      // The deadline goes to this attempt only: were it on `config`, axios would report our
      // timeout as a cancellation by the caller.
      const res = await network({ ...config, signal } as InternalAxiosRequestConfig).catch((e: unknown) => {
        if (deadline.aborted && !callerSignal?.aborted) throw deadlineError(config, deadlineMs);
        throw e;
      });
      record(config, url, at, performance.now() - started, res.status, null);
      return res;
    } catch (err) {
      const e = err as { response?: { status?: number }; code?: string; message?: string };
      const status = e.response?.status ?? null;
      record(
        config,
        url,
        at,
        performance.now() - started,
        status,
        plainError({ status, code: e.code, message: e.message, host: new URL(url).host }),
      );
      throw err;
    } finally {
      release();
    }
  };

  const instance = axios.create({
    baseURL,
    adapter,
    timeout: defaultTimeout,
    maxRedirects: 0,
    proxy: false,
    transitional: { clarifyTimeoutError: true },
    ...o.agents,
  });
  axiosRetry(instance, {
    retries: policy.maxRetries,
    retryCondition: (err) => shouldRetry(err, policy),
    retryDelay: (n, err) => retryDelayMs(n, err, policy),
    // Each attempt gets the full timeout; timeouts themselves are not retried (retry-policy.ts).
    shouldResetTimeout: true,
  });
  // Registered after axios-retry's, so it sees only the final outcome.
  instance.interceptors.response.use(undefined, (err: unknown) =>
    Promise.reject(toProviderHttpError(err, provider, redaction)),
  );
  return instance;
}

/** The same shape axios gives an idle timeout, so retry policy and error mapping treat both alike. */
function deadlineError(config: InternalAxiosRequestConfig, ms: number): AxiosError {
  return new AxiosError(`timeout of ${ms}ms exceeded (total deadline)`, 'ETIMEDOUT', config);
}

function safeUri(config: InternalAxiosRequestConfig): string {
  try {
    return axios.getUri(config);
  } catch {
    return 'invalid-url:';
  }
}

/** The first attempt's key wins: an interceptor that mints a fresh key on each pass cannot change it. */
function pinIdempotencyKey(config: InternalAxiosRequestConfig): void {
  const current = idempotencyKeyFrom(AxiosHeaders.from(config.headers).toJSON(), config.data);
  if (config.mkPinnedIdempotencyKey === undefined) {
    config.mkPinnedIdempotencyKey = current;
  } else if (config.mkPinnedIdempotencyKey !== null && current !== config.mkPinnedIdempotencyKey) {
    config.headers.set('Idempotency-Key', config.mkPinnedIdempotencyKey);
  }
}
