// When to retry and how long to wait, for axios-retry. Exactly-once (DESIGN invariant 4): a request
// that is not safe to repeat is retried only when it carries an idempotency key, and the retry is
// the same config, so the same key (http.ts also pins it against interceptors that change it).
import { AxiosHeaders, isAxiosError, type AxiosError } from 'axios';
import { isNetworkError } from 'axios-retry';
import { idempotencyKeyFrom } from './request-log';

export interface RetryPolicy {
  maxRetries: number;
  /** First backoff step; doubled each retry. Clover: "pause 1 s, then back off exponentially" (clover-api.md §9). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the caller gets a rate-limit error instead. */
  maxRetryAfterMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 1000,
  maxDelayMs: 4000,
  maxRetryAfterMs: 5000,
  random: Math.random,
};

/** Retry-After as delay-seconds or an HTTP-date; null when absent or unreadable. */
export function retryAfterMs(headers: unknown, nowMs = Date.now()): number | null {
  if (!headers || typeof headers !== 'object') return null;
  const raw = AxiosHeaders.from(headers as AxiosHeaders).get('retry-after');
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const v = raw.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export function isTimeoutError(err: AxiosError): boolean {
  // clarifyTimeoutError makes axios use ETIMEDOUT; ECONNABORTED covers the legacy form.
  return err.code === 'ETIMEDOUT' || (err.code === 'ECONNABORTED' && /timeout/i.test(err.message));
}

/** Only these statuses carry a Retry-After we wait for. Clover sends `retry-after` on concurrency
 *  429s (clover-api.md §9); Square documents none (square-api.md §7), so it gets plain backoff. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export function shouldRetry(err: unknown, policy: RetryPolicy): boolean {
  if (!isAxiosError(err) || !err.config) return false;
  // Not after a timeout: the vendor may still be working on it, and the caller's bound is timeoutMs.
  if (isTimeoutError(err) || err.code === 'ERR_CANCELED') return false;
  const status = err.response?.status;
  if (status === undefined) {
    if (!isNetworkError(err)) return false;
  } else if (status !== 429 && (status < 500 || status > 599)) {
    return false;
  }
  if (status !== undefined && RETRY_AFTER_STATUSES.has(status)) {
    const wait = retryAfterMs(err.response?.headers);
    if (wait !== null && wait > policy.maxRetryAfterMs) return false;
  }
  const method = (err.config.method ?? 'get').toLowerCase();
  if (method === 'get' || method === 'head') return true;
  return idempotencyKeyFrom(AxiosHeaders.from(err.config.headers).toJSON(), err.config.data) !== null;
}

/** Retry-After when the vendor sent one (never less), else capped exponential backoff + jitter. */
export function retryDelayMs(retryCount: number, err: unknown, policy: RetryPolicy): number {
  const jitter = (ms: number): number => Math.floor(policy.random() * ms * 0.2);
  if (isAxiosError(err) && err.response && RETRY_AFTER_STATUSES.has(err.response.status)) {
    const wait = retryAfterMs(err.response.headers);
    if (wait !== null) return wait + jitter(Math.min(wait, 1000));
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryCount - 1));
  return step + jitter(step);
}
