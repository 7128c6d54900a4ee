// Issue #8 "Rate limits": credentials.inspectMany over many Clover tokens of one app stays inside
// Clover's published limits (16/s and 5 in flight per token, 50/s and 10 in flight per app), which
// the local Clover enforces with 429s; progress arrives as events; cancel stops the job; a 429
// pauses every request of that app for Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf } from '@shared/contract';
import { addClover, startCloverCore, type CloverFixture } from '../helpers/clover';

let t: CloverFixture;
afterEach(async () => t?.cleanup());

/** One app installed on `n` merchants, a v2 access token each, imported with its merchant ID. */
async function tokens(n: number): Promise<{ ids: string[]; appId: string }> {
  const app = t.clover.seed.app();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = t.clover.seed.merchant();
    t.clover.seed.install({ appId: app.id, merchantId: m.id });
    const pair = t.clover.seed.v2Tokens({ appId: app.id, merchantId: m.id });
    ids.push(
      (
        await addClover(t.f, {
          CLOVER_ACCESS_TOKEN: pair.access_token,
          CLOVER_MERCHANT_ID: m.id,
          CLOVER_APP_ID: app.id,
        })
      ).access_token!.id,
    );
  }
  return { ids, appId: app.id };
}

function collect() {
  const progress: EventOf<'inspection.progress'>[] = [];
  let resolveFinished!: (e: EventOf<'inspection.finished'>) => void;
  const finished = new Promise<EventOf<'inspection.finished'>>((r) => (resolveFinished = r));
  const offs = [
    t.f.core.on('inspection.progress', (e) => progress.push(e)),
    t.f.core.on('inspection.finished', (e) => resolveFinished(e)),
  ];
  return { progress, finished, off: () => offs.forEach((o) => o()) };
}

describe('bulk inspection', () => {
  it("30 tokens of one app (60 requests, over the app's 50/s): all valid, zero 429s, limits never exceeded", async () => {
    t = await startCloverCore({ emulator: { latencyMs: 25 } });
    const { ids, appId } = await tokens(30);
    const events = collect();
    const started = performance.now();
    const job = await t.f.call('credentials.inspectMany', { ids });
    expect(job.total).toBe(30);
    const done = await events.finished;
    const elapsed = performance.now() - started;
    events.off();
    expect(done).toMatchObject({ jobId: job.jobId, done: 30, total: 30, cancelled: false });
    const results = events.progress.flatMap((p) => p.results);
    expect(results.map((r) => r.credentialId).sort()).toEqual([...ids].sort());
    expect(results.every((r) => r.verdict === 'valid')).toBe(true);
    const stats = t.clover.inspect.rateLimits();
    expect(stats.total429).toBe(0);
    expect(stats.peakConcurrencyByApp[appId]).toBeLessThanOrEqual(10);
    expect(stats.peakPerSecondByApp[appId]).toBeLessThanOrEqual(50);
    expect(Math.max(...Object.values(stats.peakConcurrencyByToken))).toBeLessThanOrEqual(5);
    // 60 requests at no more than 50 per second cannot all start within the first second.
    expect(elapsed).toBeGreaterThan(1_000);
    expect(events.progress.at(-1)!.done).toBe(30);
  });

  it('cancel: the job finishes as cancelled and no request starts afterwards', async () => {
    t = await startCloverCore({ emulator: { latencyMs: 150 } });
    const { ids } = await tokens(24);
    const events = collect();
    const job = await t.f.call('credentials.inspectMany', { ids });
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.f.call('credentials.cancelInspection', { jobId: job.jobId })).toEqual({ cancelled: true });
    const done = await events.finished;
    events.off();
    expect(done.cancelled).toBe(true);
    expect(done.done).toBeLessThan(24);
    const sent = t.clover.inspect.requests().length;
    await new Promise((r) => setTimeout(r, 400));
    expect(t.clover.inspect.requests()).toHaveLength(sent);
    expect(sent).toBeLessThan(48);
    expect(await t.f.call('credentials.cancelInspection', { jobId: job.jobId })).toEqual({ cancelled: false });
  });

  it('a 429 with Retry-After pauses every request of that app, then all finish valid', async () => {
    t = await startCloverCore({ emulator: { latencyMs: 30 } });
    const { ids, appId } = await tokens(20);
    t.clover.faults.once(
      { path: '/pakms/apikey' },
      { kind: 'rateLimit429', limit: 'crossTokenConcurrentLimit', retryAfterSec: 1 },
    );
    const events = collect();
    await t.f.call('credentials.inspectMany', { ids });
    await events.finished;
    events.off();
    expect(events.progress.flatMap((p) => p.results).every((r) => r.verdict === 'valid')).toBe(true);
    const log = t.clover.inspect.requests().filter((q) => q.appId === appId);
    const hit = log.find((q) => q.fault === 'rateLimit429')!;
    // Requests already on the wire may land just after it; none start in the paused second.
    const during = log.filter((q) => q.receivedAt > hit.receivedAt + 80 && q.receivedAt < hit.receivedAt + 950);
    expect(during).toEqual([]);
    expect(log.some((q) => q.receivedAt >= hit.receivedAt + 1000)).toBe(true);
  });
});
