// Shared by the clover-*.test.ts files: real HTTP calls (global fetch) and PKCE pairs.
import { createHash, randomBytes } from 'node:crypto';
import type { CloverEmulator, CloverEnvironment } from '../../emulators/clover';

export interface CallOptions {
  token?: string;
  apikey?: string;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body (undefined when not JSON); `any` so assertions can read fields freely. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary vendor fields
  json: any;
}

export async function call(base: string, method: string, path: string, o: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
  if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
  if (o.apikey !== undefined) headers.apikey = o.apikey;
  let body: string | undefined;
  if (o.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(o.form).toString();
  } else if (o.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  }
  const res = await fetch(base + path, {
    method,
    headers,
    body,
    redirect: 'manual',
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const CARD = { number: '4242424242424242', exp_month: '12', exp_year: '2035', cvv: '123', brand: 'VISA' };

/** A connected sandbox merchant with its PAKMS key fetched over HTTP. */
export async function ecommerceSetup(clover: CloverEmulator, environment: CloverEnvironment = 'sandbox') {
  const s = clover.seed.connectedMerchant({ environment });
  const base = clover.urls[environment];
  const pakms = await call(base, 'GET', '/pakms/apikey', { token: s.tokens.access_token });
  if (pakms.status !== 200) throw new Error(`PAKMS setup failed: ${pakms.status}`);
  const apiKey: string = pakms.json.apiAccessKey;
  const tokenize = async (card: Partial<typeof CARD> = {}) => {
    const r = await call(base, 'POST', '/v1/tokens', { apikey: apiKey, body: { card: { ...CARD, ...card } } });
    if (r.status !== 200) throw new Error(`tokenize failed: ${r.text}`);
    return r.json.id as string;
  };
  return { ...s, base, apiKey, tokenize };
}
