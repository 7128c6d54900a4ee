// Part 5: bulk inspection of Clover tokens (issue #8). N v2 access tokens over A apps, stored in
// the real keychain (private keyring) and inspected through the core's credentials.inspectMany
// against the local Clover, which adds 50 ms to every answer and enforces Clover's published
// limits (clover-api.md §9) with 429s. Prints the total time, the floor those limits allow, their
// ratio, the 429s received and the requests per inspection, and a one-at-a-time run to compare.
// A second layout (the same tokens over fewer apps) is where the limits, not latency, set the pace.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import type { EventOf, InspectionView } from '@shared/contract';
import { createCore, type Core } from '../src-main/core';
import { createMemoryClipboard } from '../src-main/clipboard/clipboard-guard';
import { CLOVER_LIMITS } from '../src-main/providers/clover/limits';
import { fingerprint } from '../src-main/vault/fingerprint';
import { DEFAULT_SETTINGS, INDEX_FILE } from '../src-main/vault/metadata-index';
import { RECORD_VERSION, type StoredCredential } from '../src-main/vault/stored-record';
import { emptyService, uniqueService } from '../test/helpers/private-keyring';
import type { Cleanup } from './core-bench';
import { startRemoteClover } from './remote-clover';
import { makeTempDir } from './seed';
import { heading, median, ms, percentile, table, warn } from './stats';

const LATENCY_MS = 50;
const { maxConcurrent: APP_IN_FLIGHT, maxPerSecond: APP_PER_SECOND } = CLOVER_LIMITS.app;

/**
 * The shortest time Clover's limits allow for R requests of one app, each answered after
 * `latency` ms. Apps are limited separately, so the busiest app sets the floor for the job.
 * - Rate: at most 50 requests of an app in any 1 s window, so they start in k = ceil(R / 50)
 *   windows: the last window opens (k - 1) s after the first request.
 * - In flight: at most 10 of an app at once, so the requests of a window go in ceil(n / 10)
 *   waves of one latency each; the last window's n = R - 50 (k - 1) requests end the job.
 * - Per token (5 in flight, 16/s): an inspection's 2 requests run side by side, far below both.
 */
export function floorMs(requestsPerApp: number, latency: number): { floor: number; why: string } {
  const windows = Math.ceil(requestsPerApp / APP_PER_SECOND);
  const last = requestsPerApp - (windows - 1) * APP_PER_SECOND;
  const waves = Math.ceil(last / APP_IN_FLIGHT);
  const floor = (windows - 1) * 1000 + waves * latency;
  const why = `${requestsPerApp} requests per app: ${windows - 1} full 1 s windows of ${APP_PER_SECOND}, then ${last} in ${waves} waves of ${APP_IN_FLIGHT} x ${latency} ms`;
  return { floor, why };
}

async function invokeOk<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const r = await core.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

export async function benchClover(
  cleanup: Cleanup,
  o: { tokens: number; apps: number[]; serial: boolean },
): Promise<void> {
  for (const [i, apps] of o.apps.entries())
    await oneLayout(cleanup, { tokens: o.tokens, apps, serial: o.serial && i === 0, n: i + 1 });
}

async function oneLayout(
  cleanup: Cleanup,
  o: { tokens: number; apps: number; serial: boolean; n: number },
): Promise<void> {
  heading(
    `Clover ${o.n}. Bulk inspection of ${o.tokens} Clover tokens over ${o.apps} apps (+${LATENCY_MS} ms a request, limits enforced)`,
  );
  const perApp = Math.ceil(o.tokens / o.apps);
  // The stand-in runs in a worker thread: Clover's CPU is not ours, and sharing one thread with it
  // would count its work against our client.
  const clover = await startRemoteClover({ latencyMs: LATENCY_MS });
  cleanup.add('clover stand-in', () => clover.close());
  const dataDir = await makeTempDir('clover');
  cleanup.add(`temp dir ${dataDir}`, () => fs.rm(dataDir, { recursive: true, force: true }));
  const service = uniqueService('bench');
  cleanup.add(`keychain items of ${service}`, () => emptyService(service));

  const t0 = performance.now();
  const records: StoredCredential[] = [];
  const values: string[] = [];
  const at = new Date().toISOString();
  for (const pair of await clover.seed(o.apps, o.tokens)) {
    values.push(pair.token);
    records.push({
      provider: 'clover',
      kind: 'access_token',
      id: randomUUID(),
      environment: 'sandbox',
      label: `Bench Clover token ${records.length + 1}`,
      status: 'active',
      fingerprint: fingerprint(pair.token),
      source: 'file',
      addedAt: at,
      updatedAt: at,
      expiresAt: new Date(pair.expiration * 1000).toISOString(),
      lastCheckedAt: null,
      merchantId: pair.merchantId,
      appId: pair.appId,
      locationId: null,
      parentId: null,
      inspection: null,
      valueHash: null,
    });
  }
  const index = { version: RECORD_VERSION, settings: DEFAULT_SETTINGS, credentials: records };
  await fs.writeFile(path.join(dataDir, INDEX_FILE), JSON.stringify(index));
  for (let i = 0; i < records.length; i += 25) {
    await Promise.all(records.slice(i, i + 25).map((r, j) => keytar.setPassword(service, r.id, values[i + j]!)));
  }
  const seedMs = performance.now() - t0;
  // What the keychain alone costs: every token read once, all at once (as the bulk job does).
  const tRead = performance.now();
  await Promise.all(records.map((r) => keytar.getPassword(service, r.id)));
  const readMs = performance.now() - tRead;

  const core = await createCore({
    dataDir,
    keychainService: service,
    clipboard: createMemoryClipboard(),
    endpoints: clover.endpoints(),
    allowLoopbackHttp: true,
  });
  cleanup.add('clover bench core', () => core.close());
  const ids = records.map((r) => r.id);

  // ---- bulk -----------------------------------------------------------------------------------
  const results: InspectionView[] = [];
  let progressEvents = 0;
  const finished = new Promise<EventOf<'inspection.finished'>>((resolve) => {
    core.on('inspection.progress', (e) => {
      progressEvents += 1;
      results.push(...e.results);
    });
    core.on('inspection.finished', resolve);
  });
  const before = (await clover.requests()).length;
  const wallStart = Date.now(); // the stand-in's clock is Date.now: its log times compare with this
  const cpu0 = process.cpuUsage();
  const tBulk = performance.now();
  await invokeOk(core, 'credentials.inspectMany', { ids });
  const done = await finished;
  const bulkMs = performance.now() - tBulk;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const sent = (await clover.requests()).slice(before);
  const stats = await clover.rateLimits();
  const got429 = sent.filter((q) => q.status === 429).length;
  const verdicts = new Map<string, number>();
  for (const r of results) verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
  const perInspection = results.map((r) => r.requests);
  const { floor, why } = floorMs(perApp * (sent.length / Math.max(1, results.length)), LATENCY_MS);
  // When Clover was busy: from the first request's arrival to the last answer.
  const firstIn = Math.min(...sent.map((q) => q.receivedAt)) - wallStart;
  const lastOut = Math.max(...sent.map((q) => q.receivedAt + q.durationMs)) - wallStart;

  // ---- one at a time --------------------------------------------------------------------------
  let serialMs = Number.NaN;
  if (o.serial) {
    const tSerial = performance.now();
    for (const id of ids) await invokeOk(core, 'credentials.inspect', { id });
    serialMs = performance.now() - tSerial;
  }
  const all429 = (await clover.requests()).filter((q) => q.status === 429);

  console.log(
    table([
      ['measure', 'value'],
      [`seed ${o.tokens} tokens (stand-in + index file + keychain writes)`, ms(seedMs)],
      [`keychain alone: ${o.tokens} reads at once (keytar, private gnome-keyring)`, ms(readMs)],
      [`bulk: credentials.inspectMany, ${done.done}/${done.total} done, ${progressEvents} progress events`, ms(bulkMs)],
      ["floor Clover's limits allow", `${ms(floor)} (${why})`],
      ['ratio bulk / floor (target < 1.2)', (bulkMs / floor).toFixed(2)],
      ['first request reached Clover after / last answer left at', `${ms(firstIn)} / ${ms(lastOut)}`],
      ['Clover busy span / floor (the pacing alone)', ((lastOut - firstIn) / floor).toFixed(2)],
      ['429s received during bulk (target 0)', String(got429)],
      [
        'CPU of this process during bulk (the stand-in runs in its own thread)',
        `${ms(cpuMs)}, ${(cpuMs / Math.max(1, sent.length)).toFixed(2)} ms a request, ${((cpuMs / bulkMs) * 100).toFixed(0)}% of the wall time`,
      ],
      ['requests per inspection (median / max)', `${median(perInspection)} / ${Math.max(...perInspection)}`],
      ['requests sent during bulk', String(sent.length)],
      ['verdicts', [...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')],
      [
        'peak in flight per app (limit 10), max over apps',
        String(Math.max(...Object.values(stats.peakConcurrencyByApp))),
      ],
      [
        'peak per 1 s window per app (limit 50), max over apps',
        String(Math.max(...Object.values(stats.peakPerSecondByApp))),
      ],
      ['peak in flight per token (limit 5)', String(Math.max(...Object.values(stats.peakConcurrencyByToken)))],
      [
        'stand-in answer time during bulk (p50 / p95)',
        `${ms(median(sent.map((q) => q.durationMs)))} / ${ms(
          percentile(
            sent.map((q) => q.durationMs),
            95,
          ),
        )}`,
      ],
      [`serial: credentials.inspect one at a time (${o.tokens})`, o.serial ? ms(serialMs) : 'skipped'],
      ['serial / bulk', o.serial ? `${(serialMs / bulkMs).toFixed(1)}x` : 'n/a'],
      ['429s received in all (bulk + serial)', String(all429.length)],
    ]),
  );
  if (all429.length > 0)
    console.log(
      `  429s (service, limit, ms after bulk start): ${JSON.stringify(all429.map((q) => [q.path.split('/')[1], q.rateLimited, q.receivedAt - wallStart]))}`,
    );
  if (got429 > 0) warn(`${got429} requests were refused with 429 during the bulk inspection`);
  if ((verdicts.get('valid') ?? 0) !== o.tokens)
    warn(`expected ${o.tokens} valid verdicts, got ${JSON.stringify([...verdicts])}`);
  await core.close();
}
