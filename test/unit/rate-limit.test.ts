import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostLimiter } from '../../src-main/providers/http/rate-limit';
import { createKeyedLimits } from '../../src-main/providers/http/keyed-limits';

afterEach(() => {
  vi.useRealTimers();
});

const flush = () => new Promise((r) => setImmediate(r));

describe('createHostLimiter', () => {
  it('caps requests in flight per host and hands slots on in order', async () => {
    const limiter = createHostLimiter({ maxConcurrent: 2, maxPerWindow: 100 });
    const granted: number[] = [];
    const releases = await Promise.all(
      [0, 1].map((i) => limiter.acquire('a', undefined).then((r) => (granted.push(i), r))),
    );
    const third = limiter.acquire('a').then((r) => (granted.push(2), r));
    const otherHost = await limiter.acquire('b');
    await flush();
    expect(granted).toEqual([0, 1]);
    expect(limiter.inFlight('a')).toBe(2);
    releases[0]!();
    releases[0]!(); // a second release of the same slot is a no-op
    const r3 = await third;
    expect(granted).toEqual([0, 1, 2]);
    expect(limiter.inFlight('a')).toBe(2);
    releases[1]!();
    r3();
    otherHost();
    expect(limiter.inFlight('a')).toBe(0);
  });

  it('limits starts per window', async () => {
    vi.useFakeTimers();
    let t = 0;
    const limiter = createHostLimiter({ maxConcurrent: 10, maxPerWindow: 2, windowMs: 1000, now: () => t });
    let started = 0;
    for (let i = 0; i < 3; i++) void limiter.acquire('h').then((release) => (started++, release()));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(2);
    t = 999;
    await vi.advanceTimersByTimeAsync(998);
    expect(started).toBe(2);
    t = 1000;
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toBe(3);
  });

  it('drops a waiter whose signal aborts', async () => {
    const limiter = createHostLimiter({ maxConcurrent: 1 });
    const first = await limiter.acquire('h');
    const ac = new AbortController();
    const waiting = limiter.acquire('h', ac.signal);
    ac.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    first();
    expect(limiter.inFlight('h')).toBe(0);
    const again = await limiter.acquire('h');
    expect(limiter.inFlight('h')).toBe(1);
    again();
  });
});

describe('createKeyedLimits', () => {
  it('holds a request until every named limit has room, and counts each name across requests', async () => {
    const limits = createKeyedLimits();
    const token = { key: 'clover:token:a', maxConcurrent: 2, maxPerSecond: 100 };
    const app = { key: 'clover:app:x', maxConcurrent: 3, maxPerSecond: 100 };
    const other = { key: 'clover:token:b', maxConcurrent: 2, maxPerSecond: 100 };
    const r1 = await limits.acquire([token, app]);
    const r2 = await limits.acquire([token, app]);
    let third = false;
    const p3 = limits.acquire([token, app]).then((r) => ((third = true), r));
    const r4 = await limits.acquire([other, app]); // another token of the same app: the app has 1 slot left
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false); // token a is full
    let fifth = false;
    const p5 = limits.acquire([other, app]).then((r) => ((fifth = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(fifth).toBe(false); // the app is full
    r1(); // frees token a and one app slot; the app slot goes to the earlier waiter (p5)
    (await p5)();
    const r3 = await p3;
    expect(third).toBe(true);
    r2();
    r4();
    r3();
  });

  it('an aborted wait releases what it already held', async () => {
    const limits = createKeyedLimits();
    const a = { key: 'a', maxConcurrent: 1, maxPerSecond: 100 };
    const b = { key: 'b', maxConcurrent: 1, maxPerSecond: 100 };
    const holdB = await limits.acquire([b]);
    const abort = new AbortController();
    const waiting = limits.acquire([a, b], abort.signal);
    abort.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    (await limits.acquire([a]))(); // `a` was given back
    holdB();
  });
});
