// Issue #7, "An error answer means nothing changed; a success means everything did": bounded
// answers after a write, all-or-nothing file imports, updates racing deletes, parallel pastes of
// one value, keychain writes that time out but land later, undefined-valued fields.
import { mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf, ResponseOf } from '@shared/contract';
import { startCore, type CoreFixture } from '../helpers/core-fixture';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';

const TOKENS = Array.from({ length: 5 }, (_, i) => `EAAAallOrNothing${i}xq9ZkW3mP7rT2vB8nC4dF6gH1jK5`);

let f: CoreFixture;
let store: FaultyStore;
const changes: EventOf<'credentials.changed'>[] = [];
afterEach(async () => {
  changes.length = 0;
  await f.cleanup();
});

const lateWrites: string[] = [];
async function start(timeoutMs?: number): Promise<void> {
  lateWrites.length = 0;
  const onLateWrite = (account: string, outcome: string) => void lateWrites.push(`${account} ${outcome}`);
  f = await startCore((service) => ({ secretStore: (store = createFaultyStore(service, { timeoutMs, onLateWrite })) }));
  f.core.on('credentials.changed', (e) => changes.push(e));
}

async function importFile(content: string) {
  const file = path.join(f.dataDir, 'import.env');
  await fs.writeFile(file, content);
  f.setDialogFile(file);
  return f.raw('credentials.importFromFile', {});
}

const snapshotDisk = async () => ({
  accounts: await f.keychainAccounts(),
  index: await fs.readFile(path.join(f.dataDir, 'credentials.json'), 'utf8').catch(() => null),
});

describe('a file import is all-or-nothing', () => {
  it('one known key and 600 unknown ones: stored, and a bounded answer that counts the rest', async () => {
    await start();
    const unknown = Array.from({ length: 600 }, (_, i) => `UNKNOWN_SETTING_${i}=x`).join('\n');
    const r = await importFile(`SQUARE_ACCESS_TOKEN=${TOKENS[0]}\n${unknown}\n`);
    if (!r.ok) throw new Error(`import failed: ${r.error.code}`);
    const data = r.data as ResponseOf<'credentials.importFromFile'>;
    expect(data.pending).toHaveLength(1);
    expect(data.skipped.length).toBeLessThanOrEqual(50);
    expect(data.skipped.length + data.skippedMore).toBe(600);
    expect(await f.keychainAccounts()).toEqual([data.pending[0]!.credential.id]);
  });

  it('a keychain failing on the 3rd of 5 secrets: an error, nothing kept on either side, and an event', async () => {
    await start();
    const before = await snapshotDisk();
    store.failNthSet(3, 'locked');
    const names = [
      'SQUARE_ACCESS_TOKEN',
      'SQUARE_REFRESH_TOKEN',
      'CLOVER_ACCESS_TOKEN',
      'CLOVER_REFRESH_TOKEN',
      'CLOVER_MERCHANT_TOKEN',
    ];
    const r = await importFile(names.map((n, i) => `${n}=${TOKENS[i]}`).join('\n'));
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    expect(await snapshotDisk()).toEqual(before);
    expect((await f.call('credentials.list', {})).items).toEqual([]);
    expect(changes).toHaveLength(1);
  });

  it('a rollback that fails is logged, and the orphan shows in the consistency report', async () => {
    await start();
    store.failNthSet(2, 'locked');
    const deleteFails = store.delete;
    store.delete = async () => {
      throw new Error('delete failed too');
    };
    const r = await importFile(`SQUARE_ACCESS_TOKEN=${TOKENS[0]}\nSQUARE_REFRESH_TOKEN=EQAA${TOKENS[1]!.slice(4)}\n`);
    store.delete = deleteFails;
    expect(r.ok).toBe(false);
    const log = await fs.readFile(path.join(f.dataDir, 'audit.log'), 'utf8');
    expect(log).toMatch(/"event":"credential.rollback_failed"/);
    const report = await f.call('credentials.checkConsistency', {});
    expect(report.orphansInKeychain).toHaveLength(1);
  });
});

describe('changes to one credential run one at a time', () => {
  it('an update or confirm racing a delete answers NOT_FOUND, logs nothing and announces nothing for it', async () => {
    await start();
    for (let run = 0; run < 24; run++) {
      f.clipboard.writeText(`${TOKENS[0]}race${run}`);
      const { pending } = await f.call('credentials.importFromClipboard', {});
      const id = pending.credential.id;
      changes.length = 0;
      const [del, upd, conf] = await Promise.all([
        f.raw('credentials.delete', { id }),
        f.raw('credentials.update', { id, label: `renamed ${run}` }),
        f.raw('credentials.confirm', {
          id,
          provider: 'square',
          kind: 'access_token',
          environment: 'sandbox',
          label: 'x',
        }),
      ]);
      expect(del.ok).toBe(true);
      for (const r of [upd, conf]) expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // The only announcement for this id is the delete itself.
      expect(changes.filter((c) => c.ids.includes(id))).toHaveLength(1);
      const log = await fs.readFile(path.join(f.dataDir, 'audit.log'), 'utf8');
      const lines = log.split('\n').filter((l) => l.includes(id));
      expect(lines.some((l) => l.includes('credential.updated'))).toBe(false);
    }
  });
});

describe('a value is stored once', () => {
  it('ten parallel pastes of one value create one credential; the others say where it is', async () => {
    await start();
    const results = await Promise.all(
      Array.from({ length: 10 }, async () => {
        f.clipboard.writeText(TOKENS[1]!);
        return f.raw('credentials.importFromClipboard', {});
      }),
    );
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringMatching(/^Already saved as "Square access token [0-9a-f]{4}"\.$/),
        },
      });
    }
    expect(await f.keychainAccounts()).toHaveLength(1);
  });

  it('a file holding a value already stored skips it and says where it is', async () => {
    await start();
    f.clipboard.writeText(TOKENS[2]!);
    const first = await f.call('credentials.importFromClipboard', {});
    const r = await importFile(`SQUARE_ACCESS_TOKEN=${TOKENS[2]}\nCLOVER_ACCESS_TOKEN=${TOKENS[3]}\n`);
    expect(r).toMatchObject({ ok: true, data: { pending: [{ proposal: { provider: 'clover' } }] } });
    if (r.ok)
      expect((r.data as ResponseOf<'credentials.importFromFile'>).skipped).toEqual([
        { envName: 'SQUARE_ACCESS_TOKEN', reason: `already saved as "${first.pending.credential.label}"` },
      ]);
    expect(await f.keychainAccounts()).toHaveLength(2);
  });
});

describe('keychain writes that time out', () => {
  it('a write reported as timed out but landing later is removed again; a retry leaves one item', async () => {
    await start(200);
    store.stallNextSet(600);
    f.clipboard.writeText(TOKENS[3]!);
    const first = await f.raw('credentials.importFromClipboard', {});
    expect(first).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_TIMEOUT' } });
    expect(lateWrites).toEqual([]);
    f.clipboard.writeText(TOKENS[3]!);
    const retry = await f.call('credentials.importFromClipboard', {});
    await new Promise((r) => setTimeout(r, 900)); // the stalled write lands, then is reconciled
    expect(await f.keychainAccounts()).toEqual([retry.pending.credential.id]);
    expect(lateWrites).toEqual([expect.stringMatching(/^[0-9a-f-]{36} removed$/)]);
    expect(lateWrites[0]).not.toContain(retry.pending.credential.id);
    expect(await keytar.getPassword(f.service, retry.pending.credential.id)).toBe(TOKENS[3]);
  });
});

describe('payloads with undefined-valued fields', () => {
  it.each([
    ['credentials.update', { label: undefined }],
    ['credentials.update', { merchantId: undefined, label: 'ok' }],
    ['settings.update', { clipboardClearSeconds: undefined }],
    ['requests.list', { limit: undefined }],
  ] as const)('%s %o answers INVALID_REQUEST naming the field and changes nothing', async (channel, extra) => {
    await start();
    f.clipboard.writeText(TOKENS[4]!);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const before = await snapshotDisk();
    const payload = channel === 'credentials.update' ? { id: pending.credential.id, ...extra } : extra;
    const r = await f.raw(channel, payload);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', fields: expect.arrayContaining([Object.keys(extra)[0]]) },
    });
    expect(await snapshotDisk()).toEqual(before);
  });
});

describe('orphans can be resolved through channels', () => {
  it('adopt makes a keychain item a pending credential again; delete removes one; neither touches known items', async () => {
    await start();
    await keytar.setPassword(f.service, '7c774038-6206-4e10-8c3a-670d48365c39', 'af4e0123456789abcdef0123456789d1');
    await keytar.setPassword(f.service, 'stray-item', 'not a credential at all, just text');
    const report = await f.call('credentials.checkConsistency', {});
    expect(report.orphansInKeychain.sort()).toEqual(['7c774038-6206-4e10-8c3a-670d48365c39', 'stray-item']);
    const adopted = await f.call('credentials.adoptOrphan', { account: '7c774038-6206-4e10-8c3a-670d48365c39' });
    expect(adopted).toMatchObject({
      credential: { id: '7c774038-6206-4e10-8c3a-670d48365c39', status: 'pending', source: 'keychain' },
      proposal: { kind: 'pakms_key' },
    });
    expect(await f.raw('credentials.adoptOrphan', { account: 'stray-item' })).toMatchObject({
      ok: false,
      error: { code: 'UNRECOGNIZED_SECRET' },
    });
    expect(await f.call('credentials.deleteOrphan', { account: 'stray-item' })).toEqual({ account: 'stray-item' });
    expect(await f.raw('credentials.deleteOrphan', { account: adopted.credential.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await f.call('credentials.checkConsistency', {})).toMatchObject({
      orphansInKeychain: [],
      missingFromKeychain: [],
    });
    expect(await f.keychainAccounts()).toEqual([adopted.credential.id]);
  });

  it('with the index unreadable nothing can be deleted or adopted: every item would look orphaned', async () => {
    f = await startCore((service, dataDir) => {
      void service;
      mkdirSync(path.join(dataDir, 'credentials.json'));
      return {};
    });
    await keytar.setPassword(f.service, '7c774038-6206-4e10-8c3a-670d48365c39', 'af4e0123456789abcdef0123456789d1');
    expect((await f.call('credentials.checkConsistency', {})).orphansInKeychain).toEqual([
      '7c774038-6206-4e10-8c3a-670d48365c39',
    ]);
    for (const channel of ['credentials.deleteOrphan', 'credentials.adoptOrphan'] as const) {
      expect(await f.raw(channel, { account: '7c774038-6206-4e10-8c3a-670d48365c39' })).toMatchObject({
        ok: false,
        error: { code: 'METADATA_READ_ONLY' },
      });
    }
    expect(await f.keychainAccounts()).toEqual(['7c774038-6206-4e10-8c3a-670d48365c39']);
  });
});
