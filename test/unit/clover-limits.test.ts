// Clover's limits as request limits, the 429 pause, backoff and per-app slots (providers/clover/limits.ts).
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  createPauseGate,
  createRateWindows,
  createSlots,
  limitsFor,
} from '../../src-main/providers/clover/limits';

describe('limitsFor', () => {
  it('counts against the token and the app with the published numbers, keys without secrets', () => {
    const [token, app] = limitsFor('sandbox', 'cred-1', 'RKAPPID123S9C');
    expect(token).toMatchObject({ key: 'clover:sandbox:token:cred-1', maxConcurrent: 5, maxPerSecond: 16 });
    expect(app).toMatchObject({ key: 'clover:sandbox:app:RKAPPID123S9C', maxConcurrent: 10, maxPerSecond: 50 });
  });
  it('tokens of unknown apps share one app budget', () => {
    expect(limitsFor('production', 'a', null)[1]!.key).toBe(limitsFor('production', 'b', null)[1]!.key);
  });
});

describe('backoffMs', () => {
  it('honours Retry-After (never less), else 1 s doubling, with at most 20% jitter', () => {
    expect(backoffMs(0, 21_000, () => 0)).toBe(21_000);
    expect(backoffMs(0, 21_000, () => 0.999)).toBeLessThanOrEqual(21_200);
    expect(backoffMs(0, null, () => 0)).toBe(1000);
    expect(backoffMs(2, null, () => 0)).toBe(4000);
    expect(backoffMs(2, null, () => 1)).toBe(4200);
  });
});

describe('createPauseGate', () => {
  it('holds every request of a paused key until the pause ends; others pass', async () => {
    let now = 0;
    const gate = createPauseGate(() => now);
    gate.pause(['app:A'], 50);
    await gate.wait(['app:B']);
    let passed = false;
    const waiting = gate.wait(['token:1', 'app:A']).then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(passed).toBe(false);
    now = 60;
    await waiting;
    expect(passed).toBe(true);
  });
  it('a cancelled wait rejects', async () => {
    const gate = createPauseGate();
    gate.pause(['k'], 10_000);
    const abort = new AbortController();
    const w = gate.wait(['k'], abort.signal);
    abort.abort(new Error('cancelled'));
    await expect(w).rejects.toThrow('cancelled');
  });
});

describe('createSlots', () => {
  it('runs at most `capacity` per key, in order, and other keys alongside', async () => {
    const slots = createSlots(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const job = (i: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      order.push(i);
      active -= 1;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => slots.run('app', job(i))));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
  });
  it('a queued run whose signal aborts leaves the queue; the slot is not lost', async () => {
    const slots = createSlots(1);
    let release!: () => void;
    const first = slots.run('k', () => new Promise<void>((r) => (release = r)));
    const abort = new AbortController();
    const second = slots.run('k', async () => 'never', abort.signal);
    abort.abort(new Error('stop'));
    await expect(second).rejects.toThrow('stop');
    release();
    await first;
    await expect(slots.run('k', async () => 'third')).resolves.toBe('third');
  });
});

describe('createRateWindows', () => {
  it('a request keeps its place while in flight and for a whole window after its answer', async () => {
    let now = 0;
    const windows = createRateWindows(100, () => now);
    const spec = [{ key: 'app', maxConcurrent: 10, maxPerSecond: 2 }];
    const a = await windows.acquire(spec);
    await windows.acquire(spec); // second place, still in flight
    let third = false;
    const waiting = windows.acquire(spec).then(() => (third = true));
    now = 500; // long after a was SENT: a send-time window would have let the third go
    await new Promise((r) => setTimeout(r, 40));
    expect(third).toBe(false);
    a(); // answered at 500: it leaves the count at 600
    now = 590;
    await new Promise((r) => setTimeout(r, 40));
    expect(third).toBe(false);
    now = 601;
    await waiting;
    expect(third).toBe(true);
  });
});
