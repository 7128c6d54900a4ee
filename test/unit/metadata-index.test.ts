// credentials.json: versioned, migrated from every earlier version, validated entry by entry,
// written atomically, and never losing an entry to damage (issues #6 and #7).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialView } from '@shared/contract';
import { MetadataIndex, INDEX_FILE } from '../../src-main/vault/metadata-index';
import { RECORD_VERSION, toView, type StoredCredential } from '../../src-main/vault/stored-record';

const V1_FIXTURE = path.resolve(__dirname, '../fixtures/credentials-v1.json');

let dir: string;
beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-index-'))));
afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

const record = (over: Partial<StoredCredential> = {}): StoredCredential =>
  ({
    id: randomUUID(),
    provider: 'square',
    kind: 'access_token',
    environment: 'sandbox',
    label: 'x',
    status: 'active',
    fingerprint: 'EAAA…4b24 · 7f3a',
    source: 'clipboard',
    addedAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
    expiresAt: null,
    lastCheckedAt: null,
    merchantId: null,
    appId: null,
    locationId: null,
    parentId: null,
    inspection: null,
    valueHash: null,
    ...over,
  }) as StoredCredential;

const file = (): string => path.join(dir, INDEX_FILE);
const writeIndex = (content: unknown): Promise<void> =>
  fs.writeFile(file(), typeof content === 'string' ? content : JSON.stringify(content));
const v2 = (credentials: unknown[]) => ({
  version: RECORD_VERSION,
  settings: { clipboardClearSeconds: 30 },
  credentials,
});

async function loaded(): Promise<MetadataIndex> {
  const idx = new MetadataIndex(dir);
  await idx.load();
  return idx;
}

describe('MetadataIndex: writes', () => {
  it('persists a versioned file and leaves no temp files behind', async () => {
    const idx = await loaded();
    const e = record();
    await idx.mutate((d) => void d.credentials.push(e));
    expect(await fs.readdir(dir)).toEqual([INDEX_FILE]);
    expect(JSON.parse(await fs.readFile(file(), 'utf8')).version).toBe(RECORD_VERSION);
    expect((await loaded()).get(e.id)).toEqual(e);
  });

  it('a change that breaks the schema is refused and nothing is written', async () => {
    const idx = await loaded();
    await idx.mutate((d) => void d.credentials.push(record()));
    const before = await fs.readFile(file(), 'utf8');
    await expect(
      idx.mutate((d) => void (d.credentials[0] = { ...d.credentials[0]!, secret: 'x' } as never)),
    ).rejects.toThrow();
    await expect(
      idx.mutate((d) => void d.credentials.push(record({ provider: 'clover', kind: 'application_id' } as never))),
    ).rejects.toThrow();
    expect(await fs.readFile(file(), 'utf8')).toBe(before);
    expect(idx.list()[0]).not.toHaveProperty('secret');
  });

  it('refuses two records with one id as CONFLICT', async () => {
    const idx = await loaded();
    const e = record();
    await idx.mutate((d) => void d.credentials.push(e));
    await expect(idx.mutate((d) => void d.credentials.push(record({ id: e.id })))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('serialises concurrent changes', async () => {
    const idx = await loaded();
    await Promise.all(Array.from({ length: 20 }, () => idx.mutate((d) => void d.credentials.push(record()))));
    expect((await loaded()).list()).toHaveLength(20);
  });

  it('creates the data folder 0700 and tightens an existing 0755 one', async () => {
    const nested = path.join(dir, 'new');
    await new MetadataIndex(nested).load();
    expect((await fs.stat(nested)).mode & 0o777).toBe(0o700);
    await fs.chmod(nested, 0o755);
    await new MetadataIndex(nested).load();
    expect((await fs.stat(nested)).mode & 0o777).toBe(0o700);
  });

  it('removes temp files a crash left behind, and only those', async () => {
    await writeIndex(v2([record()]));
    await fs.writeFile(path.join(dir, `.credentials.json.${process.pid}.abcd1234.tmp`), '{');
    await fs.writeFile(path.join(dir, 'notes.tmp'), 'mine');
    await loaded();
    expect((await fs.readdir(dir)).sort()).toEqual([INDEX_FILE, 'notes.tmp']);
  });
});

describe('MetadataIndex: records and views', () => {
  it('the view carries the link and verdict but no hash or inspection detail, and reads expiry against the clock', () => {
    const r = record({ expiresAt: '2026-12-05T00:00:00.000Z', valueHash: 'a'.repeat(64), parentId: randomUUID() });
    const now = Date.parse('2026-12-01T00:00:00.000Z');
    const view = toView(r, now);
    expect(CredentialView.parse(view)).toEqual(view);
    expect(view).not.toHaveProperty('valueHash');
    expect(view).not.toHaveProperty('inspection');
    expect(view).toMatchObject({ parentId: r.parentId, verdict: null });
    expect(view.expiry).toBe('soon');
    expect(toView(r, Date.parse('2026-12-06T00:00:00.000Z')).expiry).toBe('expired');
    expect(toView(record(), now).expiry).toBe('none');
  });

  it('reuses a frozen view until its expiry state changes', async () => {
    const idx = await loaded();
    await idx.mutate((d) => void d.credentials.push(record({ expiresAt: '2026-12-05T00:00:00.000Z' })));
    const t = Date.parse('2026-11-01T00:00:00.000Z');
    const [a] = idx.listViews(t);
    const [b] = idx.listViews(t + 1000);
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const [c] = idx.listViews(Date.parse('2026-12-04T00:00:00.000Z'));
    expect(c).not.toBe(a);
    expect(c!.expiry).toBe('soon');
  });
});

describe('MetadataIndex: migration', () => {
  it('loads the v1 file the foundation wrote, keeps a backup, and writes v2 on the next change', async () => {
    const v1 = await fs.readFile(V1_FIXTURE, 'utf8');
    await writeIndex(v1);
    const idx = new MetadataIndex(dir);
    const health = await idx.load();
    expect(health).toMatchObject({ state: 'ok', migratedFrom: 1, setAside: 0 });
    const original = JSON.parse(v1) as { settings: unknown; credentials: Record<string, unknown>[] };
    expect(idx.list()).toHaveLength(original.credentials.length);
    expect(idx.settings).toEqual({ ...(original.settings as object), expiryWarningDays: 7 }); // new setting, default
    for (const old of original.credentials) {
      expect(idx.get(old.id as string)).toEqual({ ...old, parentId: null, inspection: null, valueHash: null });
    }
    expect(health.files).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, health.files[0]!), 'utf8')).toBe(v1);
    await idx.mutate((d) => void (d.settings = { clipboardClearSeconds: 60, expiryWarningDays: 7 }));
    const written = JSON.parse(await fs.readFile(file(), 'utf8'));
    expect(written.version).toBe(2);
    expect(written.credentials).toHaveLength(original.credentials.length);
  });
});

describe('MetadataIndex: damage never makes credentials vanish', () => {
  it('keeps every valid entry, sets the bad ones aside in their own file, and says so', async () => {
    const good = [record(), record()];
    const badLabel = { ...record(), label: 'x'.repeat(81) };
    const unknownField = { ...record(), favourite: true };
    await writeIndex(v2([good[0], badLabel, good[1], unknownField]));
    const idx = new MetadataIndex(dir);
    const health = await idx.load();
    expect(idx.list().map((c) => c.id)).toEqual(good.map((c) => c.id));
    expect(health).toMatchObject({ state: 'recovered', setAside: 2 });
    expect(health.message).toMatch(/2 credentials were kept; 2 entries could not be read/);
    const setAside = health.files.find((f) => f.includes('set-aside'))!;
    const kept = JSON.parse(await fs.readFile(path.join(dir, setAside), 'utf8'));
    expect(kept.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual([badLabel.id, unknownField.id]);
    expect(kept.entries[0].reason).toMatch(/label/);
  });

  it('a truncated file keeps every entry before the cut', async () => {
    const entries = [record(), record(), record()];
    const text = JSON.stringify(v2(entries), null, 1);
    await writeIndex(text.slice(0, text.lastIndexOf('"valueHash"')));
    const idx = new MetadataIndex(dir);
    const health = await idx.load();
    expect(idx.list().map((c) => c.id)).toEqual(entries.slice(0, 2).map((c) => c.id));
    expect(health.state).toBe('recovered');
    const damaged = health.files.find((f) => f.includes('damaged'))!;
    expect(await fs.readFile(path.join(dir, damaged), 'utf8')).toBe(text.slice(0, text.lastIndexOf('"valueHash"')));
  });

  it.each([
    ['an empty file', ''],
    ['garbage', 'not json at all'],
  ])('%s: starts empty, keeps the original, explains, and can be written again', async (_what, content) => {
    await writeIndex(content);
    const idx = new MetadataIndex(dir);
    const health = await idx.load();
    expect(health.state).toBe('recovered');
    expect(idx.list()).toEqual([]);
    expect(await fs.readFile(path.join(dir, health.files[0]!), 'utf8')).toBe(content);
    await idx.mutate((d) => void d.credentials.push(record()));
    expect((await loaded()).list()).toHaveLength(1);
  });

  it('a file with a UTF-8 BOM loads', async () => {
    await writeIndex(`\uFEFF${JSON.stringify(v2([record()]))}`);
    const idx = new MetadataIndex(dir);
    expect((await idx.load()).state).toBe('ok');
    expect(idx.list()).toHaveLength(1);
  });

  it('two entries with one id: the first is kept, the second set aside; writes still work', async () => {
    const a = record();
    await writeIndex(v2([a, { ...record(), id: a.id, label: 'twin' }]));
    const idx = new MetadataIndex(dir);
    expect(await idx.load()).toMatchObject({ state: 'recovered', setAside: 1 });
    await idx.mutate((d) => void d.credentials.push(record()));
    expect((await loaded()).list()).toHaveLength(2);
  });

  it('a newer version is opened read-only and never overwritten', async () => {
    const text = JSON.stringify({ ...v2([{ ...record(), newField: 1 }]), version: RECORD_VERSION + 1 });
    await writeIndex(text);
    const idx = new MetadataIndex(dir);
    expect(await idx.load()).toMatchObject({ state: 'read_only' });
    expect(idx.list()).toHaveLength(1);
    await expect(idx.mutate((d) => void d.credentials.push(record()))).rejects.toMatchObject({
      code: 'METADATA_READ_ONLY',
    });
    expect(await fs.readFile(file(), 'utf8')).toBe(text);
  });

  it('credentials.json being a folder: no throw, a clear error on every write', async () => {
    await fs.mkdir(file());
    const idx = new MetadataIndex(dir);
    const health = await idx.load();
    expect(health.state).toBe('unavailable');
    expect(health.hint).toMatch(/Move .*credentials\.json out of the way/);
    await expect(idx.mutate((d) => void d.credentials.push(record()))).rejects.toMatchObject({
      code: 'METADATA_READ_ONLY',
    });
  });
});
