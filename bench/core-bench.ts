// Parts 1 and 2: listing 10,000 credentials and adding 1,000, through the router of a real core
// backed by the real keytar store (in the private keyring of test/with-keyring.sh).
import { isReservedAccount } from '../src-main/vault/consistency';
import fs from 'node:fs/promises';
import { createCore, type Core } from '../src-main/core';
import { createKeytarStore } from '../src-main/vault/secret-store';
import { createMemoryClipboard } from '../src-main/clipboard/clipboard-guard';
import type { CredentialView, PendingImport } from '@shared/contract';
import { countingStore } from './counting-store';
import { makeTempDir, seedIndex, squareLikeToken } from './seed';
import { heading, median, ms, percentile, table, warn, sum, kb } from './stats';

import { emptyService, keychainAccounts, uniqueService } from '../test/helpers/private-keyring';

async function invokeOk<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const r = await core.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

export interface Cleanup {
  add(what: string, fn: () => Promise<unknown> | unknown): void;
}

// ---- 1. listing ------------------------------------------------------------------------------
export async function benchList(cleanup: Cleanup, opts: { n: number; warmups: number; runs: number }): Promise<void> {
  heading(`1. credentials.list with ${opts.n.toLocaleString('en')} stored credentials (router, real keytar store)`);
  const dataDir = await makeTempDir('list');
  cleanup.add(`temp dir ${dataDir}`, () => fs.rm(dataDir, { recursive: true, force: true }));
  const service = uniqueService('bench');
  cleanup.add(`keychain items of ${service}`, () => emptyService(service));

  const tSeed = performance.now();
  await seedIndex(dataDir, opts.n);
  const seedMs = performance.now() - tSeed;
  const store = countingStore(createKeytarStore({ service }));
  const tStart = performance.now();
  const core = await createCore({ dataDir, secretStore: store, clipboard: createMemoryClipboard() });
  const startMs = performance.now() - tStart;
  cleanup.add('list core', () => core.close());
  const startCalls = store.calls();

  const before = store.calls();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.warmups + opts.runs; i++) {
    const t0 = performance.now();
    const data = await invokeOk<{ items: CredentialView[] }>(core, 'credentials.list', {});
    const dt = performance.now() - t0;
    if (data.items.length !== opts.n)
      throw new Error(
        `credentials.list returned ${data.items.length} items, expected ${opts.n} (was the seeded index rejected?)`,
      );
    if (i >= opts.warmups) times.push(dt);
    if (i === 0) bytes = Buffer.byteLength(JSON.stringify(data));
  }
  const listingCalls = store.calls() - before;

  // One label change in a vault this size: the index is rewritten whole (validated entries are not
  // re-checked), so this is the cost of every metadata write at n entries.
  const ids = (await invokeOk<{ items: CredentialView[] }>(core, 'credentials.list', {})).items.map((c) => c.id);
  const writes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await invokeOk(core, 'credentials.update', { id: ids[(i * 7919) % ids.length], label: `Renamed ${i}` });
    writes.push(performance.now() - t0);
  }
  const indexBytes = (await fs.stat(`${dataDir}/credentials.json`)).size;
  await core.close();

  console.log(
    table([
      ['measure', 'value'],
      [`seed ${opts.n.toLocaleString('en')} entries (generate + write index file)`, ms(seedMs)],
      ['createCore (load + validate index, consistency check)', ms(startMs)],
      ['keychain calls at core start (consistency check)', `${startCalls} (${JSON.stringify(store.counts)})`],
      ['response size (JSON)', kb(bytes)],
      [`credentials.list median (${opts.runs} runs after ${opts.warmups} warm-ups)`, ms(median(times))],
      ['credentials.list p95', ms(percentile(times, 95))],
      ['credentials.list min / max', `${ms(Math.min(...times))} / ${ms(Math.max(...times))}`],
      [`keychain calls during ${opts.warmups + opts.runs} list calls`, String(listingCalls)],
      [
        `one label change (credentials.update, whole index rewritten, ${kb(indexBytes)}): median / p95`,
        `${ms(median(writes))} / ${ms(percentile(writes, 95))}`,
      ],
    ]),
  );
  if (listingCalls !== 0)
    warn(
      `credentials.list made ${listingCalls} keychain calls; listing must never touch the keychain (DESIGN invariant 2)`,
    );
}

// ---- 2. adding -------------------------------------------------------------------------------
export async function benchAdd(cleanup: Cleanup, opts: { n: number }): Promise<void> {
  heading(
    `2. Adding ${opts.n.toLocaleString('en')} credentials (importFromClipboard + confirm, router, real keytar store)`,
  );
  const dataDir = await makeTempDir('add');
  cleanup.add(`temp dir ${dataDir}`, () => fs.rm(dataDir, { recursive: true, force: true }));
  const service = uniqueService('bench');
  let purged = false;
  cleanup.add(`keychain items of ${service}`, async () => (purged ? undefined : emptyService(service)));
  const store = countingStore(createKeytarStore({ service }));
  const clipboard = createMemoryClipboard();
  const core = await createCore({ dataDir, secretStore: store, clipboard });
  cleanup.add('add core', () => core.close());

  const total: number[] = [],
    keychainMs: number[] = [],
    restMs: number[] = [],
    importMs: number[] = [],
    confirmMs: number[] = [];
  const callsBefore = store.calls();
  let notCleared = 0;
  const tAll = performance.now();
  for (let i = 0; i < opts.n; i++) {
    clipboard.writeText(squareLikeToken());
    const k0 = store.elapsedMs();
    const t0 = performance.now();
    const imported = await invokeOk<{ pending: PendingImport; clipboardCleared: boolean }>(
      core,
      'credentials.importFromClipboard',
      {},
    );
    const t1 = performance.now();
    const confirmed = await invokeOk<CredentialView>(core, 'credentials.confirm', {
      id: imported.pending.credential.id,
      provider: 'square',
      kind: 'access_token',
      environment: 'sandbox',
      label: `Bench add #${i + 1}`,
    });
    const t2 = performance.now();
    if (confirmed.status !== 'active') throw new Error(`confirm returned status ${confirmed.status}`);
    if (!imported.clipboardCleared) notCleared++;
    const k = store.elapsedMs() - k0;
    total.push(t2 - t0);
    importMs.push(t1 - t0);
    confirmMs.push(t2 - t1);
    keychainMs.push(k);
    restMs.push(t2 - t0 - k);
  }
  const wallMs = performance.now() - tAll;
  const calls = { ...store.counts };
  const callsDuring = store.calls() - callsBefore;

  const listed = await invokeOk<{ items: CredentialView[] }>(core, 'credentials.list', {});
  // The value-hash key (a reserved account, vault/value-hash.ts) is ours too but no credential.
  const inKeychain = (await keychainAccounts(service)).filter((a) => !isReservedAccount(a)).length;
  await core.close();
  const indexSize = (await fs.stat(`${dataDir}/credentials.json`)).size;

  const row = (name: string, v: number[]): string[] => [
    name,
    ms(median(v)),
    ms(percentile(v, 95)),
    ms(sum(v) / v.length),
    ms(sum(v)),
  ];
  const first = (v: number[]): number[] => v.slice(0, Math.min(100, v.length));
  const last = (v: number[]): number[] => v.slice(-Math.min(100, v.length));
  console.log(
    table([
      ['per add', 'median', 'p95', 'mean', 'sum'],
      row('total (import + confirm)', total),
      row('  keychain (time inside SecretStore)', keychainMs),
      row('  everything else (index, validation, log)', restMs),
      row('importFromClipboard call', importMs),
      row('confirm call (index write only)', confirmMs),
    ]),
  );
  console.log();
  console.log(
    table([
      ['growth (index grows 0 -> ' + opts.n + ')', 'adds 1-100 median', `adds ${opts.n - 99}-${opts.n} median`],
      ['total', ms(median(first(total))), ms(median(last(total)))],
      ['keychain', ms(median(first(keychainMs))), ms(median(last(keychainMs)))],
      ['everything else', ms(median(first(restMs))), ms(median(last(restMs)))],
    ]),
  );
  console.log();
  console.log(
    table([
      ['check', 'value'],
      ['wall time for all adds', ms(wallMs)],
      [
        'keychain calls during adds',
        `${callsDuring} (${JSON.stringify(calls)}; listAccounts includes 1 at core start)`,
      ],
      ['credentials listed afterwards', String(listed.items.length)],
      ['credential items in keychain afterwards (reserved accounts not counted)', String(inKeychain)],
      ['index file size afterwards', kb(indexSize)],
      ['imports that did not clear the clipboard', String(notCleared)],
    ]),
  );
  if (listed.items.length !== opts.n || inKeychain !== opts.n)
    warn(`expected ${opts.n} listed and ${opts.n} keychain items, got ${listed.items.length} and ${inKeychain}`);

  const { deleted, remaining } = await emptyService(service);
  purged = true;
  console.log(`  cleanup: deleted ${deleted} keychain items of ${service}; ${remaining} remain`);
  if (remaining !== 0) warn(`${remaining} keychain items of ${service} could not be deleted`);
}
