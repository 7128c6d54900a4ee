// Part 5: bulk inspection of Square tokens through a real core (router, private keyring) against
// the local Square with stand-in latency, then the same tokens one at a time. Prints the total
// time, the floor Square's per-host limit allows and the ratio to it, and requests per inspection.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import type { EventOf } from '@shared/contract';
import { createCore, type Core } from '../src-main/core';
import { createMemoryClipboard } from '../src-main/clipboard/clipboard-guard';
import { createKeytarStore } from '../src-main/vault/secret-store';
import { countingStore } from './counting-store';
import { SQUARE_HOST_LIMIT } from '../src-main/providers/square/limits';
import { fingerprint } from '../src-main/vault/fingerprint';
import { DEFAULT_SETTINGS, INDEX_FILE } from '../src-main/vault/metadata-index';
import { RECORD_VERSION, type StoredCredential } from '../src-main/vault/stored-record';
import { emptyService, uniqueService } from '../test/helpers/private-keyring';
import { startSquareEmulator, type SquareEmulator } from '../test/emulators/square';
import type { Cleanup } from './core-bench';
import { makeTempDir } from './seed';
import { heading, ms, table, warn } from './stats';

interface Run {
  wallMs: number;
  requests: number;
  peak: number;
  valid: number;
  done: number;
  keychainMs: number;
  keychainCalls: number;
}

async function inspectAll(core: Core, ids: string[]): Promise<{ wallMs: number; valid: number; done: number }> {
  let valid = 0;
  const finished = new Promise<EventOf<'inspection.finished'>>((resolve) => {
    const off = core.on('inspection.finished', (p) => (off(), resolve(p)));
  });
  core.on('inspection.progress', (p) => void (valid += p.results.filter((r) => r.verdict === 'valid').length));
  const t0 = performance.now();
  const r = await core.invoke('credentials.inspectMany', { ids });
  if (!r.ok) throw new Error(`inspectMany failed: ${r.error.code} ${r.error.message}`);
  const end = await finished;
  return { wallMs: performance.now() - t0, valid, done: end.done };
}

async function run(
  sq: SquareEmulator,
  dataDir: string,
  service: string,
  ids: string[],
  bulkConcurrency: number,
  cleanup: Cleanup,
): Promise<Run> {
  const store = countingStore(createKeytarStore({ service }));
  const core = await createCore({
    dataDir,
    secretStore: store,
    clipboard: createMemoryClipboard(),
    endpoints: sq.endpoints(),
    allowLoopbackHttp: true,
    bulkConcurrency,
  });
  cleanup.add('square bench core', () => core.close());
  sq.resetObservations();
  const [calls0, ms0] = [store.calls(), store.elapsedMs()];
  const r = await inspectAll(core, ids);
  const [keychainCalls, keychainMs] = [store.calls() - calls0, store.elapsedMs() - ms0];
  await core.close();
  const stats = sq.stats();
  return { ...r, requests: stats.requests, peak: stats.peakConcurrency, keychainMs, keychainCalls };
}

export async function benchSquareInspection(cleanup: Cleanup, opts: { n: number; latencyMs: number }): Promise<void> {
  heading(
    `3. Bulk inspection of ${opts.n} Square tokens, ${opts.latencyMs} ms stand-in latency (router, real keytar store)`,
  );
  const sq = await startSquareEmulator({ latencyMs: opts.latencyMs });
  cleanup.add('local Square', () => sq.close());
  const dataDir = await makeTempDir('square');
  cleanup.add(`temp dir ${dataDir}`, () => fs.rm(dataDir, { recursive: true, force: true }));
  const service = uniqueService('bench');
  cleanup.add(`keychain items of ${service}`, () => emptyService(service));

  // OAuth tokens with MERCHANT_PROFILE_READ (so each inspection also reads merchant and locations),
  // spread over 10 sellers of one application.
  const app = sq.createApplication({ environment: 'sandbox' });
  const merchants = Array.from({ length: 10 }, (_, i) =>
    sq.createMerchant({ environment: 'sandbox', businessName: `Bench seller ${i + 1}` }),
  );
  const at = new Date().toISOString();
  const tSeed = performance.now();
  const records: StoredCredential[] = [];
  for (let i = 0; i < opts.n; i++) {
    const token = sq.issueOAuth({
      applicationId: app.id,
      merchantId: merchants[i % 10]!.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'],
    }).accessToken;
    const id = randomUUID();
    await keytar.setPassword(service, id, token);
    records.push({
      provider: 'square',
      kind: 'access_token',
      id,
      environment: 'sandbox',
      label: `Bench Square token #${i + 1}`,
      status: 'active',
      fingerprint: fingerprint(token),
      source: 'file',
      addedAt: at,
      updatedAt: at,
      expiresAt: null,
      lastCheckedAt: null,
      merchantId: null,
      appId: null,
      locationId: null,
      parentId: null,
      inspection: null,
      valueHash: null,
    });
  }
  await fs.writeFile(
    path.join(dataDir, INDEX_FILE),
    JSON.stringify({ version: RECORD_VERSION, settings: DEFAULT_SETTINGS, credentials: records }),
  );
  const seedMs = performance.now() - tSeed;
  const ids = records.map((r) => r.id);

  const bulk = await run(sq, dataDir, service, ids, 32, cleanup);
  const serial = await run(sq, dataDir, service, ids, 1, cleanup);

  // The floor: Square's per-host limit allows C requests in flight and S starts per second, so N
  // requests of L ms each cannot finish sooner than max(N x L / C, N / S) (plus one round trip).
  const { maxConcurrent: C, maxPerSecond: S } = SQUARE_HOST_LIMIT;
  const perInspection = bulk.requests / opts.n;
  const byConcurrency = (bulk.requests * opts.latencyMs) / C;
  const byRate = (bulk.requests / S) * 1000;
  const floor = Math.max(byConcurrency, byRate);
  // One at a time, an inspection is two round trips (token status, then merchant and locations together).
  const serialFloor = opts.n * 2 * opts.latencyMs;
  console.log(
    table([
      ['measure', 'bulk (32 inspections at once)', 'serial (one at a time)'],
      ['total time', ms(bulk.wallMs), ms(serial.wallMs)],
      ['per token', ms(bulk.wallMs / opts.n), ms(serial.wallMs / opts.n)],
      ['inspections done / valid', `${bulk.done} / ${bulk.valid}`, `${serial.done} / ${serial.valid}`],
      ['HTTP requests (at the stand-in)', String(bulk.requests), String(serial.requests)],
      ['requests per inspection', perInspection.toFixed(2), (serial.requests / opts.n).toFixed(2)],
      ['peak requests in flight (stand-in)', String(bulk.peak), String(serial.peak)],
      [
        'achieved request rate',
        `${((bulk.requests / bulk.wallMs) * 1000).toFixed(1)}/s`,
        `${((serial.requests / serial.wallMs) * 1000).toFixed(1)}/s`,
      ],
      [
        'keychain reads / time inside the keychain',
        `${bulk.keychainCalls} / ${ms(bulk.keychainMs)}`,
        `${serial.keychainCalls} / ${ms(serial.keychainMs)}`,
      ],
      ['floor', `${ms(floor)}  (limit: ${C} in flight, ${S}/s)`, `${ms(serialFloor)}  (2 round trips each)`],
      ['ratio to the floor', `${(bulk.wallMs / floor).toFixed(2)}x`, `${(serial.wallMs / serialFloor).toFixed(2)}x`],
    ]),
  );
  console.log(
    `\n  floor, bulk: max(${bulk.requests} requests x ${opts.latencyMs} ms / ${C} in flight = ` +
      `${ms(byConcurrency)}, ${bulk.requests} requests / ${S} per second = ${ms(byRate)});`,
  );
  console.log(
    `  at ${opts.latencyMs} ms the ${S}/s start rate binds (8 in flight could do ` +
      `${Math.round((C * 1000) / opts.latencyMs)}/s); at ~160 ms round trips the two meet.`,
  );
  const serialRest = serial.wallMs - serialFloor - serial.keychainMs;
  console.log(
    `  serial, per token: 2 x ${opts.latencyMs} ms round trips + ${ms(serial.keychainMs / opts.n)} keychain ` +
      `read + ${ms(serialRest / opts.n)} storing the result (atomic index write with fsync, log) and scheduling.`,
  );
  console.log(
    `  seeding ${opts.n} tokens (stand-in + keychain + index): ${ms(seedMs)}; bulk is ` +
      `${(serial.wallMs / bulk.wallMs).toFixed(1)}x faster than serial.`,
  );
  if (bulk.valid !== opts.n || serial.valid !== opts.n)
    warn(`expected ${opts.n} valid inspections per run, got ${bulk.valid} and ${serial.valid}`);
  if (bulk.peak > C) warn(`peak ${bulk.peak} in flight exceeds Square's per-host limit of ${C}`);
  if (sq.contractViolations().length > 0)
    warn(`${sq.contractViolations().length} contract violations recorded by the local Square`);
}
