// One Square call: the pinned Square-Version, the credential in the Authorization header, our
// per-host limits, the caller's cancel signal, and the answer checked with zod. It never throws
// for something Square or the network did: it answers with what happened, so each caller decides
// (an inspection turns a 401 into a verdict, a payment turns a timeout into "unknown").
import type { AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { Environment } from '@shared/vocabulary';
import { ProviderHttpError } from '../http/http-errors';
import type { ProviderContext } from '../adapter';
import { squareLimits } from './limits';
import { ErrorBody, type SquareError } from './schemas';
import { SQUARE_VERSION } from './version';

export type SquareAuth = { bearer: string } | { client: string } | null;

export interface SquareRequest<S extends z.ZodType> {
  environment: Environment;
  method: 'GET' | 'POST';
  path: string;
  auth: SquareAuth;
  /** A body built with a strict request schema; absent: no body at all (token/status takes none). */
  body?: unknown;
  schema: S;
}

/** What one call came to. `attempts`: HTTP sends it took (the HTTP layer may retry). */
export type SquareResult<T> =
  { ok: true; status: number; data: T; attempts: number } | ({ ok: false; attempts: number } & SquareFailure);

export type SquareFailure =
  /** Square answered with its error envelope (401, 400, 429, a decline, a 5xx with a body ...). */
  | { kind: 'square'; status: number; errors: SquareError[]; body: ErrorBody }
  /** No answer: timeout, connection dropped or refused, cancelled, a redirect, too large. */
  | { kind: 'transport'; error: ProviderHttpError }
  /** An answer that is not what Square's API says (HTML from a proxy, cut-off or wrong JSON). */
  | { kind: 'unreadable'; status: number | null };

const attemptsOf = (res: AxiosResponse): number =>
  ((res.config as { 'axios-retry'?: { retryCount?: number } })['axios-retry']?.retryCount ?? 0) + 1;

export async function callSquare<S extends z.ZodType>(
  ctx: ProviderContext,
  r: SquareRequest<S>,
): Promise<SquareResult<z.infer<S>>> {
  const headers: Record<string, string> = { 'Square-Version': SQUARE_VERSION, Accept: 'application/json' };
  if (r.auth && 'bearer' in r.auth) headers.Authorization = `Bearer ${r.auth.bearer}`;
  if (r.auth && 'client' in r.auth) headers.Authorization = `Client ${r.auth.client}`;
  if (r.body !== undefined) headers['Content-Type'] = 'application/json';
  const http = ctx.http.client('square', r.environment, 'connect');
  let res: AxiosResponse;
  try {
    res = await http.request({
      method: r.method,
      url: r.path,
      headers,
      ...(r.body !== undefined ? { data: JSON.stringify(r.body) } : {}),
      signal: ctx.signal,
      mkLimits: squareLimits(r.environment),
    });
  } catch (e) {
    if (!(e instanceof ProviderHttpError)) throw e;
    const attempts = e.context.attempt;
    if (e.status === null) return { ok: false, attempts, kind: 'transport', error: e };
    const body = ErrorBody.safeParse(e.responseData);
    if (!body.success) return { ok: false, attempts, kind: 'unreadable', status: e.status };
    return { ok: false, attempts, kind: 'square', status: e.status, errors: body.data.errors, body: body.data };
  }
  const data = r.schema.safeParse(res.data);
  if (!data.success) return { ok: false, attempts: attemptsOf(res), kind: 'unreadable', status: res.status };
  return { ok: true, status: res.status, data: data.data, attempts: attemptsOf(res) };
}

/** The first error's code, when Square sent one. */
export const codeOf = (f: SquareFailure): string | null => (f.kind === 'square' ? (f.errors[0]?.code ?? null) : null);
