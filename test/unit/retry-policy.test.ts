import { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  retryAfterMs,
  retryDelayMs,
  shouldRetry,
  type RetryPolicy,
} from '../../src-main/providers/http/retry-policy';

const policy: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  baseDelayMs: 100,
  maxDelayMs: 400,
  maxRetryAfterMs: 5000,
  random: () => 0.5,
};

function err(
  method: string,
  opts: {
    status?: number;
    code?: string;
    headers?: Record<string, string>;
    data?: unknown;
    reqHeaders?: Record<string, string>;
  } = {},
) {
  const config = {
    method,
    headers: new AxiosHeaders(opts.reqHeaders ?? {}),
    data: opts.data,
  } as InternalAxiosRequestConfig;
  const response =
    opts.status === undefined
      ? undefined
      : ({
          status: opts.status,
          headers: new AxiosHeaders(opts.headers ?? {}),
          data: {},
          config,
          statusText: '',
        } as AxiosResponse);
  return new AxiosError('x', opts.code ?? (response ? 'ERR_BAD_RESPONSE' : 'ECONNRESET'), config, {}, response);
}

describe('shouldRetry', () => {
  it('retries GET/HEAD on network errors, 429 and 5xx, not on 4xx', () => {
    for (const m of ['get', 'head']) {
      expect(shouldRetry(err(m), policy)).toBe(true);
      expect(shouldRetry(err(m, { status: 429 }), policy)).toBe(true);
      expect(shouldRetry(err(m, { status: 503 }), policy)).toBe(true);
      expect(shouldRetry(err(m, { status: 400 }), policy)).toBe(false);
      expect(shouldRetry(err(m, { status: 401 }), policy)).toBe(false);
    }
  });

  it('retries POST only with an idempotency key (header or JSON body)', () => {
    expect(shouldRetry(err('post'), policy)).toBe(false);
    expect(shouldRetry(err('post', { status: 500 }), policy)).toBe(false);
    expect(shouldRetry(err('post', { reqHeaders: { 'Idempotency-Key': 'k' } }), policy)).toBe(true);
    expect(shouldRetry(err('post', { reqHeaders: { 'idempotency-key': 'k' }, status: 502 }), policy)).toBe(true);
    expect(shouldRetry(err('post', { data: '{"idempotency_key":"k","amount_money":{}}' }), policy)).toBe(true);
    expect(shouldRetry(err('delete'), policy)).toBe(false);
  });

  it('never retries timeouts, cancellations, unresolvable hosts or non-axios errors', () => {
    expect(shouldRetry(err('get', { code: 'ETIMEDOUT' }), policy)).toBe(false);
    expect(shouldRetry(err('get', { code: 'ERR_CANCELED' }), policy)).toBe(false);
    expect(shouldRetry(err('get', { code: 'ENOTFOUND' }), policy)).toBe(false);
    expect(shouldRetry(new Error('x'), policy)).toBe(false);
  });

  it('does not wait out a Retry-After longer than the cap', () => {
    expect(shouldRetry(err('get', { status: 429, headers: { 'Retry-After': '21' } }), policy)).toBe(false);
    expect(shouldRetry(err('get', { status: 429, headers: { 'Retry-After': '5' } }), policy)).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it('waits at least Retry-After (seconds or HTTP-date)', () => {
    expect(
      retryDelayMs(1, err('get', { status: 429, headers: { 'retry-after': '2' } }), policy),
    ).toBeGreaterThanOrEqual(2000);
    expect(retryAfterMs({ 'retry-after': new Date(Date.now() + 3000).toUTCString() })).toBeGreaterThan(1000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeNull();
    expect(retryAfterMs({})).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    const e = err('get', { status: 500 });
    expect(retryDelayMs(1, e, policy)).toBe(100 + 10);
    expect(retryDelayMs(2, e, policy)).toBe(200 + 20);
    expect(retryDelayMs(5, e, policy)).toBe(400 + 40);
    const noJitter = { ...policy, random: () => 0 };
    expect(retryDelayMs(1, err('get', { status: 429 }), noJitter)).toBe(100);
  });
});
