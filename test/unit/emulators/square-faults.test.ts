// Fault injection, latency, rate limiting, the request log and close() on the local Square.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBasicWorld, startSquareEmulator, type BasicWorld, type SquareEmulator } from '../../emulators/square';
import { call, errorCode, expectNoViolations, newKey } from './square-http';

let sq: SquareEmulator;
let sb: BasicWorld;

beforeAll(async () => {
  sq = await startSquareEmulator();
  sb = seedBasicWorld(sq, 'sandbox');
});
afterAll(() => sq.close());
afterEach(() => {
  sq.faults.clear();
  sq.setRateLimit(undefined);
  sq.setLatency(0);
  expectNoViolations(sq);
});

const PAYMENTS = { method: 'POST', path: '/v2/payments' };
const paymentBody = () => ({
  source_id: 'cnon:card-nonce-ok',
  idempotency_key: newKey(),
  amount_money: { amount: 500, currency: 'USD' },
});
const pay = (body: Record<string, unknown>, signal?: AbortSignal) =>
  call(sq.urls.sandbox, 'POST', '/v2/payments', { token: sb.personalToken, body, ...(signal ? { signal } : {}) });
const stored = (key: string) => sq.payments({ idempotencyKey: key }).length;

describe('faults', () => {
  it('drop-before: the connection dies and nothing happened', async () => {
    sq.faults.once(PAYMENTS, { type: 'drop-before' });
    const body = paymentBody();
    await expect(pay(body)).rejects.toThrow();
    expect(stored(body.idempotency_key)).toBe(0);
    expect((await pay(body)).status).toBe(200); // `once`: the next request goes through
  });

  it('drop-after: the connection dies but the payment exists; a retry with the key returns it', async () => {
    sq.faults.once(PAYMENTS, { type: 'drop-after' });
    const body = paymentBody();
    await expect(pay(body)).rejects.toThrow();
    expect(stored(body.idempotency_key)).toBe(1);
    const retry = await pay(body);
    expect(retry.body.payment.id).toBe(sq.paymentByIdempotencyKey(body.idempotency_key)?.id);
    expect(stored(body.idempotency_key)).toBe(1);
  });

  it('delay past the client timeout: the client gives up, the payment is created anyway', async () => {
    sq.faults.once(PAYMENTS, { type: 'delay', ms: 400 });
    const body = paymentBody();
    const started = performance.now();
    await expect(pay(body, AbortSignal.timeout(100))).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(350);
    expect(stored(body.idempotency_key)).toBe(1);
    // The stand-in is still sleeping on the abandoned request: let it end, or it counts as in flight
    // in the next tests (the maxConcurrent one judges concurrency on arrival).
    await vi.waitFor(() => expect(sq.stats().inFlight).toBe(0), { timeout: 2_000 });
  });

  it("error-500: Square's INTERNAL_SERVER_ERROR JSON, not processed", async () => {
    sq.faults.once(PAYMENTS, { type: 'error-500' });
    const body = paymentBody();
    const r = await pay(body);
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      errors: [{ category: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR', detail: 'An internal error occurred.' }],
    });
    expect(stored(body.idempotency_key)).toBe(0);
  });

  it('html-502: a text/html error page, not processed', async () => {
    sq.faults.once(PAYMENTS, { type: 'html-502' });
    const body = paymentBody();
    const r = await pay(body);
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('<html>');
    expect(stored(body.idempotency_key)).toBe(0);
  });

  it('truncated-json: processed, the answer cut so that it does not parse', async () => {
    sq.faults.once(PAYMENTS, { type: 'truncated-json' });
    const body = paymentBody();
    const r = await pay(body);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(r.text.startsWith('{"payment":{')).toBe(true);
    expect(stored(body.idempotency_key)).toBe(1);
  });

  it('rate-limited: 429 RATE_LIMITED without Retry-After, not processed, counted', async () => {
    const before = sq.stats().rateLimited;
    sq.faults.once(PAYMENTS, { type: 'rate-limited' });
    const body = paymentBody();
    const r = await pay(body);
    expect([r.status, errorCode(r), r.body.errors[0].category]).toEqual([429, 'RATE_LIMITED', 'RATE_LIMIT_ERROR']);
    expect(r.headers.get('retry-after')).toBeNull();
    expect(stored(body.idempotency_key)).toBe(0);
    expect(sq.stats().rateLimited).toBe(before + 1);
  });

  it('bad-json: a wrong-shaped answer instead of the real one, processed or not, never a violation', async () => {
    sq.faults.once(PAYMENTS, { type: 'bad-json', body: { payment: { id: 42 } } });
    const first = paymentBody();
    const r = await pay(first);
    expect([r.status, r.body]).toEqual([200, { payment: { id: 42 } }]);
    expect(stored(first.idempotency_key)).toBe(0);
    sq.faults.once(PAYMENTS, { type: 'bad-json', body: ['not', 'an', 'object'], status: 503, processed: true });
    const second = paymentBody();
    const s = await pay(second);
    expect([s.status, s.body]).toEqual([503, ['not', 'an', 'object']]);
    expect(stored(second.idempotency_key)).toBe(1);
    expect(sq.contractViolations()).toEqual([]);
  });

  it('always / clear, matching by RegExp, method and environment', async () => {
    const token = sb.personalToken;
    sq.faults.always({ path: /^\/v2\/locations/, method: 'GET', environment: 'sandbox' }, { type: 'error-500' });
    expect((await call(sq.urls.sandbox, 'GET', '/v2/locations', { token })).status).toBe(500);
    expect((await call(sq.urls.sandbox, 'GET', '/v2/locations/main', { token })).status).toBe(500);
    expect((await call(sq.urls.sandbox, 'GET', '/v2/merchants/me', { token })).status).toBe(200);
    expect((await call(sq.urls.production, 'GET', '/v2/locations', { token })).status).toBe(401); // not matched
    sq.faults.clear();
    expect((await call(sq.urls.sandbox, 'GET', '/v2/locations', { token })).status).toBe(200);
  });

  it('logs the fault and a null status for a dropped connection', async () => {
    sq.resetObservations();
    sq.faults.once(PAYMENTS, { type: 'drop-before' });
    await expect(pay(paymentBody())).rejects.toThrow();
    expect(sq.requests()).toMatchObject([
      {
        method: 'POST',
        path: '/v2/payments',
        operationId: 'CreatePayment',
        status: null,
        fault: 'drop-before',
        environment: 'sandbox',
      },
    ]);
  });
});

describe('latency and rate limits', () => {
  it('latencyMs delays every answer', async () => {
    sq.setLatency(60);
    const started = performance.now();
    await call(sq.urls.sandbox, 'POST', '/oauth2/token/status', { token: sb.personalToken });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('the latencyMs option applies from the start', async () => {
    const slow = await startSquareEmulator({ latencyMs: 50 });
    try {
      const w = seedBasicWorld(slow, 'sandbox');
      const started = performance.now();
      await call(slow.urls.sandbox, 'GET', '/v2/locations', { token: w.personalToken });
      expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    } finally {
      await slow.close();
    }
  });

  it('maxRequests per window: the next request gets 429 RATE_LIMITED', async () => {
    sq.setRateLimit({ maxRequests: 3, windowMs: 60_000 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await call(sq.urls.sandbox, 'GET', '/v2/locations', { token: sb.personalToken })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // per listener: production has its own budget
    expect((await call(sq.urls.production, 'GET', '/v2/locations', { token: sb.personalToken })).status).toBe(401);
  });

  it('maxConcurrent: requests over the limit get 429; peak concurrency is measured', async () => {
    sq.resetObservations();
    sq.setLatency(80);
    sq.setRateLimit({ maxConcurrent: 2 });
    expect(sq.stats().inFlight).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call(sq.urls.sandbox, 'GET', '/v2/merchants/me', { token: sb.personalToken })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(sq.stats()).toMatchObject({ requests: 5, rateLimited: 3, peakConcurrency: 5, inFlight: 0 });
  });
});

describe('the request log', () => {
  it('keeps method, path, status and version, never a token or a query string', async () => {
    sq.resetObservations();
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ'],
    });
    await call(sq.urls.sandbox, 'GET', '/v2/payments?limit=5', { token: t.accessToken });
    await call(sq.urls.sandbox, 'POST', '/oauth2/token', {
      body: {
        client_id: sb.app.id,
        client_secret: sb.app.secret,
        grant_type: 'refresh_token',
        refresh_token: t.refreshToken,
      },
    });
    const log = sq.requests();
    expect(log.map((e) => [e.method, e.path, e.status, e.squareVersion])).toEqual([
      ['GET', '/v2/payments', 200, '2025-08-20'],
      ['POST', '/oauth2/token', 200, '2025-08-20'],
    ]);
    const text = JSON.stringify(log);
    for (const secret of [t.accessToken, t.refreshToken, sb.app.secret, 'limit=5']) expect(text).not.toContain(secret);
  });
});

describe('close()', () => {
  it('stops both listeners and ends requests in flight', async () => {
    const tmp = await startSquareEmulator();
    const w = seedBasicWorld(tmp, 'sandbox');
    tmp.faults.always({}, { type: 'delay', ms: 5_000 });
    const pending = call(tmp.urls.sandbox, 'GET', '/v2/locations', { token: w.personalToken });
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await tmp.close();
    await expect(pending).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(call(tmp.urls.sandbox, 'GET', '/v2/locations')).rejects.toThrow();
    await expect(call(tmp.urls.production, 'GET', '/v2/locations')).rejects.toThrow();
  });
});
