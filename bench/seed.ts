// Seeds a data folder with N metadata entries by writing the index file directly (the current
// record format MetadataIndex validates on load). No keychain items are created: listing
// must not need them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { KINDS } from '@shared/vocabulary';
import { INDEX_FILE, DEFAULT_SETTINGS } from '../src-main/vault/metadata-index';
import { RECORD_VERSION, type StoredCredential } from '../src-main/vault/stored-record';
import { fingerprint } from '../src-main/vault/fingerprint';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random [A-Za-z0-9] characters (rejection sampling, so no modulo bias). */
export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALNUM[b % 62];
    }
  }
  return out;
}

/** A distinct Square-like access token: EAAA + 40 random [A-Za-z0-9]. */
export const squareLikeToken = (): string => `EAAA${randomAlnum(40)}`;

export function makeCredentials(n: number, start = new Date('2024-01-01T00:00:00Z')): StoredCredential[] {
  const out: StoredCredential[] = [];
  for (let i = 0; i < n; i++) {
    const pk =
      i % 3 === 0
        ? { provider: 'clover' as const, kind: KINDS.clover[i % KINDS.clover.length]! }
        : { provider: 'square' as const, kind: KINDS.square[i % KINDS.square.length]! };
    const { provider, kind } = pk;
    const added = new Date(start.getTime() + i * 60_000).toISOString();
    const expires = i % 4 === 0 ? new Date(start.getTime() + (i + 30) * 86_400_000).toISOString() : null;
    const fp = fingerprint(provider === 'square' ? `EAAA${randomAlnum(40)}` : randomAlnum(32));
    out.push({
      ...pk,
      id: randomUUID(),
      environment: i % 5 === 0 ? 'production' : 'sandbox',
      label: `Bench ${provider} ${kind.replace(/_/g, ' ')} #${i + 1}`,
      status: 'active',
      fingerprint: fp,
      source: i % 2 ? 'clipboard' : 'file',
      addedAt: added,
      updatedAt: added,
      expiresAt: expires,
      lastCheckedAt: null,
      merchantId: provider === 'clover' ? randomAlnum(13).toUpperCase() : `ML${randomAlnum(12)}`,
      appId: null,
      locationId: provider === 'square' ? `L${randomAlnum(12).toUpperCase()}` : null,
      parentId: null,
      inspection: null,
      valueHash: null,
    });
  }
  return out;
}

export async function makeTempDir(label: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `mk-bench-${label}-`));
}

/** Writes a valid index with `n` credentials into dataDir. */
export async function seedIndex(dataDir: string, n: number): Promise<StoredCredential[]> {
  const credentials = makeCredentials(n);
  const file = { version: RECORD_VERSION, settings: { ...DEFAULT_SETTINGS }, credentials };
  await fs.writeFile(path.join(dataDir, INDEX_FILE), JSON.stringify(file, null, 1), { mode: 0o600 });
  return credentials;
}
