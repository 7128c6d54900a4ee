// Every Clover request goes through call(): the core's HTTP layer (host allowlist, deadline,
// retries with the same idempotency key, request log), Clover's rate limits on each request, a
// pause for the token and app after a 429, and the answer checked with zod. It returns a small
// typed result instead of throwing, so each caller decides what a 401 or a lost answer means.
import type { AxiosError, AxiosInstance } from 'axios';
import type { z } from 'zod';
import type { Environment } from '@shared/vocabulary';
import { AppError } from '../../errors/app-error';
import type { ProviderContext } from '../adapter';
import { ProviderHttpError } from '../http/client';
import { DEFAULT_RETRY_POLICY, shouldRetry } from '../http/retry-policy';
import type { HttpContext } from '../http/http-context';
import type { CloverService } from '../http/hosts';
import type { LimitSpec } from '../http/keyed-limits';
import { backoffMs, createRateWindows, hostCapFor, type PauseGate, type RateWindows } from './limits';

export interface CallSpec<T> {
  environment: Environment;
  service: CloverService;
  method: 'GET' | 'POST';
  path: string;
  bearer?: string;
  /** Tokenization authenticates with the `apikey` header (clover-api.md §6). */
  apikey?: string;
  body?: unknown;
  /** Sent as the `idempotency-key` header (§7); the HTTP layer then retries with the same key. */
  idempotencyKey?: string;
  limits: readonly LimitSpec[];
  schema: z.ZodType<T>;
  /** Sends again after a 429 once the pause is over (a 429 is refused before processing, §9). */
  rateLimitRetries?: number;
  timeoutMs?: number;
}

/**
 * What went wrong, in the terms callers decide on. `unauthorized`: 401 (Clover also answers 401
 * for a missing permission, §8). `unreadable`: an answer came but could not be read (malformed or
 * truncated JSON, an HTML page, too large), so whether the vendor acted is unknown.
 */
export type Failure =
  'unauthorized' | 'rate_limited' | 'timeout' | 'network' | 'server' | 'client' | 'unreadable' | 'not_allowed';

export type CallResult<T> =
  | { ok: true; data: T; status: number; attempts: number }
  | {
      ok: false;
      failure: Failure;
      status: number | null;
      /** The vendor's error body, for the caller to validate (never forwarded as it is). */
      body: unknown;
      retryAfterMs: number | null;
      attempts: number;
      /** A user-facing error for this failure (redacted, no vendor text). */
      error: AppError;
    };

export type Caller = <T>(ctx: ProviderContext, spec: CallSpec<T>) => Promise<CallResult<T>>;

/**
 * The HTTP layer retries everything it may (network errors, 5xx, with the same idempotency key)
 * except 429s, which come back here at once: Clover wants every request of the token or app to
 * pause after one (§9), and only this layer knows those keys.
 */
const RETRY_ALL_BUT_429 = {
  retryCondition: (err: AxiosError): boolean => err.response?.status !== 429 && shouldRetry(err, DEFAULT_RETRY_POLICY),
};

const clients = new WeakMap<HttpContext, Map<string, AxiosInstance>>();

function clientFor(http: HttpContext, environment: Environment, service: CloverService): AxiosInstance {
  let byKey = clients.get(http);
  if (!byKey) clients.set(http, (byKey = new Map()));
  const key = `${environment}:${service}`;
  let c = byKey.get(key);
  if (!c) byKey.set(key, (c = http.client('clover', environment, service)));
  return c;
}

function failureOf(e: ProviderHttpError): Failure {
  switch (e.kind) {
    case 'timeout':
      return 'timeout';
    case 'network':
      return 'network';
    case 'rate_limited':
      return 'rate_limited';
    case 'host_not_allowed':
      return 'not_allowed';
    case 'redirect':
    case 'too_large':
      return 'unreadable';
    case 'status': {
      const s = e.status ?? 0;
      if (s === 401 || s === 403) return 'unauthorized';
      return s >= 500 ? 'server' : 'client';
    }
  }
}

const UNREADABLE = (): AppError =>
  new AppError(
    'VENDOR_ERROR',
    'Clover sent an answer Merchant Keychain could not read.',
    "Try again; if it keeps happening, check Clover's status page.",
  );

/** Attempts axios-retry made for this request (it keeps its state on the config). */
function attemptsOf(config: unknown): number {
  const state = (config as { 'axios-retry'?: { retryCount?: number } } | undefined)?.['axios-retry'];
  return (state?.retryCount ?? 0) + 1;
}

export function createCaller(
  gate: PauseGate,
  random: () => number = Math.random,
  windows: RateWindows = createRateWindows(),
): Caller {
  return async function call<T>(ctx: ProviderContext, spec: CallSpec<T>): Promise<CallResult<T>> {
    const client = clientFor(ctx.http, spec.environment, spec.service);
    const keys = spec.limits.map((l) => l.key);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.bearer !== undefined) headers.authorization = `Bearer ${spec.bearer}`;
    if (spec.apikey !== undefined) headers.apikey = spec.apikey;
    if (spec.idempotencyKey !== undefined) headers['idempotency-key'] = spec.idempotencyKey;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    let attempts = 0;
    for (let round = 0; ; round++) {
      await gate.wait(keys, ctx.signal);
      // Outside the HTTP deadline: waiting for room in a window is not the vendor being slow.
      const done = await windows.acquire(spec.limits, ctx.signal);
      try {
        const res = await client.request({
          method: spec.method,
          url: spec.path,
          headers,
          data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          signal: ctx.signal,
          mkLimits: [...spec.limits, hostCapFor(spec.environment, spec.service)],
          'axios-retry': RETRY_ALL_BUT_429,
          ...(spec.timeoutMs !== undefined && { timeout: spec.timeoutMs }),
        });
        attempts += attemptsOf(res.config);
        const parsed = spec.schema.safeParse(res.data);
        if (parsed.success) return { ok: true, data: parsed.data, status: res.status, attempts };
        ctx.logger.warn('clover.unreadable_answer', { path: spec.path, status: res.status });
        return {
          ok: false,
          failure: 'unreadable',
          status: res.status,
          body: undefined,
          retryAfterMs: null,
          attempts,
          error: UNREADABLE(),
        };
      } catch (e) {
        if (ctx.signal?.aborted) throw ctx.signal.reason ?? e;
        if (!(e instanceof ProviderHttpError)) throw e;
        attempts += e.context.attempt;
        const failure = failureOf(e);
        const retryAfterMs = 'retryAfterMs' in e ? ((e as { retryAfterMs: number | null }).retryAfterMs ?? null) : null;
        if (failure === 'rate_limited') {
          // Everything of this token and app waits, not only this request (clover-api.md §9).
          const wait = backoffMs(round, retryAfterMs, random);
          gate.pause(keys, wait);
          ctx.logger.warn('clover.rate_limited', { path: spec.path, waitMs: wait, round });
          if (round < (spec.rateLimitRetries ?? 0)) continue;
        }
        const error = failure === 'unreadable' ? UNREADABLE() : e;
        return { ok: false, failure, status: e.status, body: e.responseData, retryAfterMs, attempts, error };
      } finally {
        done();
      }
    }
  };
}
