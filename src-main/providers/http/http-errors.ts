// Typed, redacted errors for every way a vendor call can fail. Each is an AppError whose message
// is written for users; `detail` (for the log) names method, host and the redacted path only:
// never headers, never the body. The AxiosError is deliberately not kept as `cause`: its config
// holds the Authorization header and the request body.
import axios, { AxiosHeaders, isAxiosError } from 'axios';
import type { ErrorCode } from '@shared/contract';
import { AppError } from '../../errors/app-error';
import type { RedactionRegistry } from '../../log/redaction';
import type { ProviderId } from './hosts';
import { idempotencyKeyFrom, redactPathAndQuery } from './request-log';
import { isTimeoutError, retryAfterMs } from './retry-policy';

export type HttpErrorKind =
  'host_not_allowed' | 'timeout' | 'network' | 'redirect' | 'rate_limited' | 'status' | 'too_large';

export interface HttpErrorContext {
  provider: ProviderId;
  method: string;
  host: string;
  /** Already redacted. */
  path: string;
  attempt: number;
  idempotencyKey: string | null;
}

/** How an outbound-call failure reads to the user; the vendor's body is never forwarded. */
const USER_TEXT: Record<HttpErrorKind, [ErrorCode, string, string | null]> = {
  host_not_allowed: ['HOST_NOT_ALLOWED', 'That address is not a documented vendor host.', null],
  timeout: ['VENDOR_TIMEOUT', 'The vendor did not answer in time.', 'Check your connection and try again.'],
  network: ['VENDOR_UNREACHABLE', 'The vendor could not be reached.', 'Check your connection, VPN or firewall.'],
  redirect: ['VENDOR_ERROR', 'The vendor answered with a redirect, which is not followed.', null],
  rate_limited: ['VENDOR_RATE_LIMITED', 'The vendor is rate-limiting these requests.', 'Wait a little and try again.'],
  status: ['VENDOR_ERROR', 'The vendor refused the request.', null],
  too_large: [
    'VENDOR_ERROR',
    'The vendor sent a far larger answer than expected; it was not read.',
    'Try again later; if it keeps happening, check the vendor status page.',
  ],
};

export class ProviderHttpError extends AppError {
  override name = 'ProviderHttpError';
  readonly status: number | null;
  /** Method, host, redacted path and what happened: for the audit log, not for the screen. */
  readonly detail: string;
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
    const [code, message, hint] = USER_TEXT[kind];
    super(code, extra.status ? `${message} (HTTP ${extra.status})` : message, hint);
    this.detail = redaction.scrub(`${method} ${host}${path}: ${detail} (attempt ${attempt})`).slice(0, 500);
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
export class HttpTooLargeError extends ProviderHttpError {
  override name = 'HttpTooLargeError';
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

export function toProviderHttpError(
  err: unknown,
  provider: ProviderId,
  redaction: RedactionRegistry,
): ProviderHttpError {
  if (err instanceof ProviderHttpError) return err;
  if (!isAxiosError(err)) {
    const ctx: HttpErrorContext = { provider, method: '?', host: '?', path: '', attempt: 1, idempotencyKey: null };
    const text = err instanceof Error ? err.message : String(err);
    return new HttpNetworkError('network', `request failed: ${text.slice(0, 200)}`, ctx, redaction);
  }
  const ctx = contextOf(err.config, provider, redaction);
  const res = err.response;
  if (err.code === 'ERR_BAD_RESPONSE' && /maxContentLength|maxBodyLength/.test(err.message)) {
    return new HttpTooLargeError('too_large', 'response larger than the cap', ctx, redaction);
  }
  if (!res) {
    if (isTimeoutError(err))
      return new HttpTimeoutError('timeout', `timed out after ${err.config?.timeout ?? '?'} ms`, ctx, redaction);
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
