// Fault injection, latency and close() over real HTTP. "after" faults process the request first:
// the charge exists although the client saw no (or a broken) answer; a retry with the same key then
// gets the first charge back.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startCloverEmulator, type CloverEmulator, type CloverEmulatorOptions } from '../../emulators/clover';
import { call, ecommerceSetup } from './clover-helpers';

let clover: CloverEmulator | undefined;
afterEach(async () => {
  await clover?.close();
  clover = undefined;
});

async function setup(o: CloverEmulatorOptions = {}) {
  clover = await startCloverEmulator(o);
  const s = await ecommerceSetup(clover);
  const source = await s.tokenize();
  const key = randomUUID();
  const body = { amount: 900, currency: 'usd', source };
  const send = (signal?: AbortSignal) =>
    call(s.base, 'POST', '/v1/charges', {
      token: s.tokens.access_token,
      headers: { 'idempotency-key': key },
      body,
      ...(signal ? { signal } : {}),
    });
  return { c: clover, s, key, send };
}

const CHARGES = { method: 'POST', path: '/v1/charges' } as const;

describe('faults on POST /v1/charges', () => {
  it('delay: the client times out, the charge exists, the same-key retry returns it', async () => {
    const { c, key, send } = await setup();
    const rule = c.faults.once(CHARGES, { kind: 'delay', ms: 400 });
    await expect(send(AbortSignal.timeout(100))).rejects.toThrow();
    expect(rule.hits).toBe(1);
    expect(c.inspect.chargeCount()).toBe(1);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.json.id).toBe(c.inspect.charges({ idempotencyKey: key })[0]!.id);
    expect(c.inspect.chargeCount()).toBe(1);
  });

  it('drop before processing: connection reset, no charge', async () => {
    const { c, send } = await setup();
    c.faults.once(CHARGES, { kind: 'drop', when: 'before' });
    await expect(send()).rejects.toThrow();
    expect(c.inspect.chargeCount()).toBe(0);
    expect(c.inspect.requests({ path: '/v1/charges' })[0]).toMatchObject({
      outcome: 'dropped',
      status: null,
      fault: 'drop',
    });
    expect((await send()).status).toBe(200);
    expect(c.inspect.chargeCount()).toBe(1);
  });

  it('drop after processing (the default): connection reset, yet the charge exists; retry replays it', async () => {
    const { c, send } = await setup();
    c.faults.once(CHARGES, { kind: 'drop' });
    await expect(send()).rejects.toThrow();
    expect(c.inspect.chargeCount()).toBe(1);
    const retry = await send();
    expect(retry.json.id).toBe(c.inspect.charges()[0]!.id);
    expect(c.inspect.chargeCount()).toBe(1);
  });

  it('json500: a JSON 500; after processing by default, before on request', async () => {
    const { c, send } = await setup();
    c.faults.once(CHARGES, { kind: 'json500', when: 'before' });
    const before = await send();
    expect(before.status).toBe(500);
    expect(before.json).toMatchObject({ type: 'api_error' });
    expect(c.inspect.chargeCount()).toBe(0);
    c.faults.once(CHARGES, { kind: 'json500' });
    expect((await send()).status).toBe(500);
    expect(c.inspect.chargeCount()).toBe(1);
  });

  it('html502: a text/html 502 page', async () => {
    const { c, send } = await setup();
    c.faults.once(CHARGES, { kind: 'html502' });
    const r = await send();
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('<h1>502 Bad Gateway</h1>');
    expect(r.json).toBeUndefined();
  });

  it('truncatedJson: status 200 and a body that does not parse; the charge exists', async () => {
    const { c, send } = await setup();
    c.faults.once(CHARGES, { kind: 'truncatedJson' });
    const r = await send();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(c.inspect.chargeCount()).toBe(1);
    expect(c.inspect.requests({ path: '/v1/charges' })[0]).toMatchObject({ outcome: 'truncated' });
  });

  it('rateLimit429: a 429 with the named header, not processed', async () => {
    const { c, send } = await setup();
    c.faults.once(CHARGES, { kind: 'rateLimit429', limit: 'crossTokenConcurrentLimit', retryAfterSec: 3 });
    const r = await send();
    expect(r.status).toBe(429);
    expect(r.headers.get('x-ratelimit-crosstokenconcurrentlimit')).toBe('10');
    expect(r.headers.get('retry-after')).toBe('3');
    expect(c.inspect.chargeCount()).toBe(0);
  });
});

describe('matching', () => {
  it('once hits one request, always all until cancelled; method, RegExp path, environment narrow it', async () => {
    const { c, s } = await setup();
    const get = (env: 'sandbox' | 'production' = 'sandbox') =>
      call(c.urls[env], 'GET', `/v3/merchants/${s.merchant.id}`, { token: s.tokens.access_token }).then(
        (r) => r.status,
      );
    c.faults.once({ method: 'POST', path: /^\/v3\// }, { kind: 'json500' });
    expect(await get()).toBe(200); // method does not match
    c.faults.clear();
    c.faults.once({ path: /^\/v3\/merchants\// }, { kind: 'json500' });
    expect([await get(), await get()]).toEqual([500, 200]);
    const rule = c.faults.always({ path: /merchants/, environment: 'production' }, { kind: 'html502' });
    expect(await get()).toBe(200);
    expect([await get('production'), await get('production')]).toEqual([502, 502]);
    expect(rule.hits).toBe(2);
    rule.cancel();
    expect(await get('production')).toBe(401); // back to the real answer (sandbox token)
    c.faults.always({}, { kind: 'json500' });
    c.faults.clear();
    expect(await get()).toBe(200);
  });
});

describe('latency', () => {
  it('adds latencyMs to every response; setLatency changes it', async () => {
    const { c, s } = await setup({ latencyMs: 150 });
    const get = () => call(c.urls.sandbox, 'GET', `/v3/merchants/${s.merchant.id}`, { token: s.tokens.access_token });
    const t = performance.now();
    await get();
    expect(performance.now() - t).toBeGreaterThanOrEqual(149);
    expect(c.inspect.requests().at(-1)!.durationMs).toBeGreaterThanOrEqual(149);
    c.setLatency(0);
    await get();
    // Server-side time: what the emulator added, not how busy this machine is.
    expect(c.inspect.requests().at(-1)!.durationMs).toBeLessThan(100);
  });
});
