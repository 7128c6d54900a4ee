// ref §9 limits over real HTTP: per token 16/s and 5 in flight, per app 50/s and 10 in flight;
// 429 with X-RateLimit-<limit>, retry-after on concurrency 429s. The clock is frozen so the 1 s
// windows are deterministic; latency makes requests overlap for the concurrency cases.
import { afterEach, describe, expect, it } from 'vitest';
import { startCloverEmulator, type CloverEmulator, type CloverEmulatorOptions } from '../../emulators/clover';
import { call, ecommerceSetup } from './clover-helpers';

let clover: CloverEmulator | undefined;
afterEach(async () => {
  await clover?.close();
  clover = undefined;
});

async function start(o: CloverEmulatorOptions = {}) {
  clover = await startCloverEmulator({ now: () => Date.UTC(2026, 0, 1), ...o });
  return clover;
}

/** One app on one merchant with `n` access tokens. */
function tokensOfOneApp(c: CloverEmulator, n: number) {
  const s = c.seed.connectedMerchant();
  const more = Array.from({ length: n - 1 }, () => c.seed.v2Tokens({ appId: s.app.id, merchantId: s.merchant.id }));
  return { ...s, all: [s.tokens, ...more] };
}

const lookup = (c: CloverEmulator, merchantId: string, token: string) =>
  call(c.urls.sandbox, 'GET', `/v3/merchants/${merchantId}`, { token });

describe('concurrency', () => {
  it('6th in flight on a token: 429 tokenConcurrentLimit + retry-after; early retries wait longer', async () => {
    const c = await start({ latencyMs: 150 });
    const s = c.seed.connectedMerchant();
    const results = await Promise.all(Array.from({ length: 6 }, () => lookup(c, s.merchant.id, s.tokens.access_token)));
    const refused = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.headers.get('x-ratelimit-tokenconcurrentlimit')).toBe('5');
    expect(refused[0]!.headers.get('retry-after')).toBe('1');
    expect(c.inspect.rateLimits().peakConcurrencyByToken[s.tokens.accessTokenId]).toBe(5);

    // Nothing is in flight now, but the token is inside its retry-after window: refused again.
    const early = await lookup(c, s.merchant.id, s.tokens.access_token);
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('1');
    c.advance(1000);
    // After the wait, 5 at once are fine again: every slot was released.
    const after = await Promise.all(Array.from({ length: 5 }, () => lookup(c, s.merchant.id, s.tokens.access_token)));
    expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(c.inspect.rateLimits().rejected.tokenConcurrentLimit).toBe(2);
  });

  it('the 11th request in flight across tokens of one app is a 429 naming crossTokenConcurrentLimit', async () => {
    const c = await start({ latencyMs: 150 });
    const s = tokensOfOneApp(c, 3);
    const plan = [4, 4, 3].flatMap((n, i) => Array.from({ length: n }, () => s.all[i]!.access_token));
    const results = await Promise.all(plan.map((t) => lookup(c, s.merchant.id, t)));
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.headers.get('x-ratelimit-crosstokenconcurrentlimit')).toBe('10');
    expect(refused[0]!.headers.get('retry-after')).toBe('1');
    const stats = c.inspect.rateLimits();
    expect(stats.peakConcurrencyByApp[s.app.id]).toBe(10);
    expect(stats.rejected.crossTokenConcurrentLimit).toBe(1);
  });

  it('sequential requests with latency never overlap (slots are released when the answer is written)', async () => {
    const c = await start({ latencyMs: 20 });
    const s = c.seed.connectedMerchant();
    for (let i = 0; i < 6; i++) expect((await lookup(c, s.merchant.id, s.tokens.access_token)).status).toBe(200);
    expect(c.inspect.rateLimits().peakConcurrencyByToken[s.tokens.accessTokenId]).toBe(1);
  });
});

describe('requests per second', () => {
  it('the 17th request in one second on a token is a 429 naming tokenLimit, without retry-after', async () => {
    const c = await start();
    const s = c.seed.connectedMerchant();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 17; i++) {
      last = await lookup(c, s.merchant.id, s.tokens.access_token);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 16).every((st) => st === 200)).toBe(true);
    expect(last!.status).toBe(429);
    expect(last!.headers.get('x-ratelimit-tokenlimit')).toBe('16');
    expect(last!.headers.get('retry-after')).toBeNull();
    expect(last!.json).toEqual({ message: '429 Too Many Requests' });
    c.advance(1000);
    expect((await lookup(c, s.merchant.id, s.tokens.access_token)).status).toBe(200);
    expect(c.inspect.rateLimits().peakPerSecondByToken[s.tokens.accessTokenId]).toBe(16);
  });

  it('the 51st request in one second across tokens of one app is a 429 naming crossTokenLimit', async () => {
    const c = await start();
    const s = tokensOfOneApp(c, 4);
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 52; i++) {
      const r = await lookup(c, s.merchant.id, s.all[i % 4]!.access_token);
      statuses.push(r.status);
      if (r.status === 429) refused ??= r;
    }
    expect(statuses.indexOf(429)).toBe(50);
    expect(refused!.headers.get('x-ratelimit-crosstokenlimit')).toBe('50');
    expect(c.inspect.rateLimits().peakPerSecondByApp[s.app.id]).toBe(50);
  });

  it('Ecommerce 429s use the rate_limit_error shape', async () => {
    const c = await start({ rateLimits: { perTokenPerSecond: 2 } });
    const s = await ecommerceSetup(c); // the PAKMS GET is request 1 on this token
    await call(s.base, 'GET', '/pakms/apikey', { token: s.tokens.access_token });
    const r = await call(s.base, 'POST', '/v1/refunds', { token: s.tokens.access_token, body: { charge: 'X' } });
    expect(r.status).toBe(429);
    expect(r.json).toEqual({ type: 'rate_limit_error', code: 'rate_limit', message: expect.any(String) });
  });
});

describe('configuration', () => {
  it('rateLimits:false lets 30 concurrent requests through; OAuth endpoints are never limited', async () => {
    const c = await start({ rateLimits: false, latencyMs: 50 });
    const s = c.seed.connectedMerchant();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => lookup(c, s.merchant.id, s.tokens.access_token)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(c.inspect.rateLimits().total429).toBe(0);
  });

  it('custom numbers apply', async () => {
    const c = await start({ latencyMs: 100, rateLimits: { perTokenConcurrent: 2, concurrencyRetryAfterSec: 7 } });
    const s = c.seed.connectedMerchant();
    const results = await Promise.all(Array.from({ length: 3 }, () => lookup(c, s.merchant.id, s.tokens.access_token)));
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.headers.get('x-ratelimit-tokenconcurrentlimit')).toBe('2');
    expect(refused.headers.get('retry-after')).toBe('7');
  });
});
