// Tiny HTTP client for the local Square's tests: real requests over loopback with fetch.
import { expect } from 'vitest';
import type { SquareEmulator } from '../../emulators/square';

export const VERSION = '2025-08-20';

export interface CallOptions {
  /** Sends `Authorization: Bearer <token>`. */
  token?: string;
  /** Sends this Authorization header as is (e.g. `Client <secret>`). */
  authorization?: string;
  body?: unknown;
  /** Raw body text (sent as is, with the given or a JSON content type). */
  raw?: string;
  headers?: Record<string, string>;
  /** Square-Version; null sends none. Default 2025-08-20. */
  version?: string | null;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read Square's JSON freely
  body: any;
  text: string;
  headers: Headers;
}

export async function call(base: string, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.version !== null) headers['Square-Version'] = opts.version ?? VERSION;
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.authorization !== undefined) headers.Authorization = opts.authorization;
  const payload = opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  if (payload !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(base + path, { method, headers, body: payload, signal: opts.signal, redirect: 'manual' });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers };
}

/** Every request and response so far matched Square's schemas. */
export function expectNoViolations(sq: SquareEmulator): void {
  expect(sq.contractViolations()).toEqual([]);
}

/** The first error's code, for terse assertions. */
export function errorCode(r: CallResult): string | undefined {
  return r.body?.errors?.[0]?.code;
}

export const newKey = (): string => crypto.randomUUID();
