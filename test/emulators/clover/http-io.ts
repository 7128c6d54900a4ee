// Replies and request parsing shared by the route modules. Handlers return a Reply; server.ts alone
// writes to the socket (so latency and faults apply to every answer the same way).
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { World } from './state';
import type { CloverEnvironment, ErrorEnvelope } from './types';

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  env: CloverEnvironment;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  world: World;
  /** Route parameters from the path pattern's named groups. */
  params: Record<string, string>;
  /** Non-secret facts a handler wants in the request log. */
  note: { idempotencyKey?: string };
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  ...(headers ? { headers } : {}),
});

export const html = (status: number, text: string): Reply => ({
  status,
  contentType: 'text/html; charset=utf-8',
  body: text,
});

export const redirect = (location: string): Reply => ({
  status: 302,
  contentType: 'text/plain',
  body: '',
  headers: { location },
});

/** Platform/OAuth error body. ref §8: the 401 body shape is UNCONFIRMED; we answer a plain
 *  `{"message":"401 Unauthorized"}` (and the same pattern for other statuses), plus `param` on 400s. */
export const plainError = (status: number, detail?: string, param?: string): Reply =>
  json(status, {
    message: `${status} ${STATUS_CODES[status] ?? 'Error'}${detail ? `: ${detail}` : ''}`,
    ...(param ? { param } : {}),
  });

export type EcomErrorType =
  | 'api_error'
  | 'authentication_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'rate_limit_error';

export interface EcomErrorFields {
  type: EcomErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  charge?: string;
}

/** Ecommerce error (ref §7 fields: charge, code, decline_code, doc_url, message, param, type). */
export function ecomError(envelope: ErrorEnvelope, status: number, fields: EcomErrorFields): Reply {
  return json(status, envelope === 'nested' ? { error: fields } : fields);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return m?.[1];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; param?: string; issueCode?: string };

/** A JSON body: content-type must say JSON (stricter than needed; every documented call sends it). */
export function parseJson(ctx: RequestContext): Parsed<unknown> {
  const type = (ctx.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, message: 'content-type must be application/json' };
  try {
    return { ok: true, value: JSON.parse(ctx.rawBody) as unknown };
  } catch {
    return { ok: false, message: 'body is not valid JSON' };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Parses with a zod schema and names the first offending field in bracket form (`card[number]`). */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.infer<S>> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(String(issue.keys[0]));
  const param = path.length
    ? path[0] +
      path
        .slice(1)
        .map((p) => `[${p}]`)
        .join('')
    : undefined;
  const missing = issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined;
  const message =
    issue.code === 'unrecognized_keys'
      ? `Received unknown parameter: ${param}`
      : missing
        ? `Missing required param: ${param}`
        : `Invalid ${param ?? 'body'}: ${issue.message}`;
  return { ok: false, message, ...(param ? { param } : {}), issueCode: missing ? 'missing' : issue.code };
}
