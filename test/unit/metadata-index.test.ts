import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataIndex, INDEX_FILE } from '../../src-main/vault/metadata-index';
import type { CredentialView } from '../../src-main/ipc/contract';

let dir: string;
beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-index-'))));
afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

const entry = (): CredentialView => ({
  id: randomUUID(), provider: 'square', kind: 'access_token', environment: 'sandbox', label: 'x', status: 'active',
  fingerprint: 'EAAA…4b24 · 7f3a', source: 'clipboard', addedAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z',
  expiresAt: null, lastCheckedAt: null, merchantId: null, appId: null, locationId: null,
});

describe('MetadataIndex', () => {
  it('persists a versioned file and leaves no temp files behind', async () => {
    const idx = new MetadataIndex(dir);
    await idx.load();
    const e = entry();
    await idx.mutate((d) => void d.credentials.push(e));
    expect(await fs.readdir(dir)).toEqual([INDEX_FILE]);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, INDEX_FILE), 'utf8'));
    expect(onDisk.version).toBe(1);
    const again = new MetadataIndex(dir);
    await again.load();
    expect(again.get(e.id)).toEqual(e);
  });

  it('a change that breaks the schema is refused and nothing is written', async () => {
    const idx = new MetadataIndex(dir);
    await idx.load();
    await idx.mutate((d) => void d.credentials.push(entry()));
    const before = await fs.readFile(path.join(dir, INDEX_FILE), 'utf8');
    await expect(idx.mutate((d) => void ((d.credentials[0] as Record<string, unknown>).secret = 'x'))).rejects.toThrow();
    expect(await fs.readFile(path.join(dir, INDEX_FILE), 'utf8')).toBe(before);
    expect(idx.list()[0]).not.toHaveProperty('secret');
  });

  it('serialises concurrent changes', async () => {
    const idx = new MetadataIndex(dir);
    await idx.load();
    await Promise.all(Array.from({ length: 20 }, () => idx.mutate((d) => void d.credentials.push(entry()))));
    const again = new MetadataIndex(dir);
    await again.load();
    expect(again.list()).toHaveLength(20);
  });

  it('moves an invalid file aside instead of overwriting it', async () => {
    await fs.writeFile(path.join(dir, INDEX_FILE), JSON.stringify({ version: 99, credentials: [] }));
    const idx = new MetadataIndex(dir);
    const { quarantinedAs } = await idx.load();
    expect(quarantinedAs).toMatch(/credentials\.json\.invalid-\d+$/);
    expect(JSON.parse(await fs.readFile(quarantinedAs!, 'utf8')).version).toBe(99);
    expect(idx.list()).toEqual([]);
  });
});
