// Typed, redacted errors for every way a vendor call can fail. Messages name method, host and the
// redacted path only: never headers, never the body. The AxiosError is deliberately not kept as
// `cause`: its config holds the Authorization header and the request body.
import axios, { AxiosHeaders, isAxiosError } from 'axios';
import type { RedactionRegistry } from '../log/redaction';
import type { ProviderId } from './hosts';
import { idempotencyKeyFrom, redactPathAndQuery } from './request-log';
import { isTimeoutError, retryAfterMs } from './retry-policy';

export type HttpErrorKind = 'host_not_allowed' | 'timeout' | 'network' | 'redirect' | 'rate_limited' | 'status';

export interface HttpErrorContext {
  provider: ProviderId;
  method: string;
  host: string;
  /** Already redacted. */
  path: string;
  attempt: number;
  idempotencyKey: string | null;
}

export class ProviderHttpError extends Error {
  override name = 'ProviderHttpError';
  readonly status: number | null;
  /** The vendor's parsed error body, for the provider module to validate (zod). Non-enumerable so
   *  that serialising or inspecting the error does not dump it. */
  declare readonly responseData: unknown;
  constructor(
    readonly kind: HttpErrorKind,
    detail: string,
    readonly context: HttpErrorContext,
    redaction: RedactionRegistry,
    extra: { status?: number | null; responseData?: unknown } = {},
  ) {
    const { method, host, path, attempt } = context;
    super(redaction.scrub(`${method} ${host}${path}: ${detail} (attempt ${attempt})`).slice(0, 500));
    this.status = extra.status ?? null;
    Object.defineProperty(this, 'responseData', { value: extra.responseData, enumerable: false });
  }
}

export class HostNotAllowedError extends ProviderHttpError {
  override name = 'HostNotAllowedError';
}
export class HttpTimeoutError extends ProviderHttpError {
  override name = 'HttpTimeoutError';
}
export class HttpNetworkError extends ProviderHttpError {
  override name = 'HttpNetworkError';
}
export class HttpRedirectError extends ProviderHttpError {
  override name = 'HttpRedirectError';
}
export class HttpStatusError extends ProviderHttpError {
  override name = 'HttpStatusError';
}
export class HttpRateLimitError extends HttpStatusError {
  override name = 'HttpRateLimitError';
  /** From Retry-After (clover-api.md §9), so the UI can say when to try again. */
  retryAfterMs: number | null = null;
}

/** Context of a request config, with host and path taken from the final URL and redacted. */
export function contextOf(
  config: Parameters<typeof axios.getUri>[0],
  provider: ProviderId,
  redaction: RedactionRegistry,
): HttpErrorContext {
  const c = config ?? {};
  let host = 'invalid-url';
  let path = '';
  try {
    const u = new URL(axios.getUri(c));
    host = u.host;
    path = redactPathAndQuery(u.pathname + u.search, redaction);
  } catch {
    // unparseable: keep the placeholders, never the raw text
  }
  const retry = (c as { 'axios-retry'?: { retryCount?: number } })['axios-retry'];
  return {
    provider,
    method: (c.method ?? 'get').toUpperCase(),
    host,
    path,
    attempt: (retry?.retryCount ?? 0) + 1,
    idempotencyKey: idempotencyKeyFrom(AxiosHeaders.from(c.headers as AxiosHeaders).toJSON(), c.data),
  };
}

export function toProviderHttpError(err: unknown, provider: ProviderId, redaction: RedactionRegistry): ProviderHttpError {
  if (err instanceof ProviderHttpError) return err;
  if (!isAxiosError(err)) {
    const ctx: HttpErrorContext = { provider, method: '?', host: '?', path: '', attempt: 1, idempotencyKey: null };
    const text = err instanceof Error ? err.message : String(err);
    return new HttpNetworkError('network', `request failed: ${text.slice(0, 200)}`, ctx, redaction);
  }
  const ctx = contextOf(err.config, provider, redaction);
  const res = err.response;
  if (!res) {
    if (isTimeoutError(err)) return new HttpTimeoutError('timeout', `timed out after ${err.config?.timeout ?? '?'} ms`, ctx, redaction);
    return new HttpNetworkError('network', `network error ${err.code ?? ''}`.trim(), ctx, redaction);
  }
  const extra = { status: res.status, responseData: res.data };
  if (res.status >= 300 && res.status < 400) {
    return new HttpRedirectError('redirect', `redirect (HTTP ${res.status}) refused`, ctx, redaction, extra);
  }
  if (res.status === 429) {
    const e = new HttpRateLimitError('rate_limited', 'rate limited (HTTP 429)', ctx, redaction, extra);
    e.retryAfterMs = retryAfterMs(res.headers);
    return e;
  }
  return new HttpStatusError('status', `HTTP ${res.status}`, ctx, redaction, extra);
}
