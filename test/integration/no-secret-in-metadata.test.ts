// Issue #7, "Secrets must not reach metadata or answers by a side door": a secret as an import
// file's key, as an id in a file, or as a label / merchant / app / location id through
// credentials.update is never stored, listed or echoed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseOf } from '@shared/contract';
import { startCore, type CoreFixture } from '../helpers/core-fixture';

const PAKMS = 'af4e0123456789abcdef0123456789d1';
const UUID_SECRET = 'd46d1234-5678-4abc-9def-0123456f1b77';
const SQUARE_TOKEN = 'EAAAl3ikZvYq9xDWmF0xCQY6fKNwhR8qLXnBzEp2dTs0';
const OTHER_TOKEN = 'EAAAnOtHeRtOkEnVaLuE0123456789abcdefghijklmn';

let f: CoreFixture;
beforeEach(async () => (f = await startCore()));
afterEach(async () => f.cleanup());

async function importFile(name: string, content: string) {
  const file = path.join(f.dataDir, name);
  await fs.writeFile(file, content);
  f.setDialogFile(file);
  return f.raw('credentials.importFromFile', {});
}

async function metadataText(): Promise<string> {
  return fs.readFile(path.join(f.dataDir, 'credentials.json'), 'utf8').catch(() => '');
}

describe('an import file whose key is a secret', () => {
  it('JSON object with a PAKMS key and a UUID as property names: neither is echoed, both are counted', async () => {
    const r = await importFile(
      'keys.json',
      JSON.stringify({ SQUARE_ACCESS_TOKEN: SQUARE_TOKEN, [PAKMS]: 'x', [UUID_SECRET]: 'y' }),
    );
    if (!r.ok) throw new Error(`import failed: ${r.error.code}`);
    const data = r.data as ResponseOf<'credentials.importFromFile'>;
    const text = JSON.stringify(data);
    expect(text).not.toContain(PAKMS.toUpperCase());
    expect(text).not.toContain(UUID_SECRET.toUpperCase());
    expect(text.toLowerCase()).not.toContain(PAKMS);
    expect(data.skipped).toEqual([]);
    expect(data.skippedMore).toBe(2);
  });

  it('a .env line whose name is a hex secret is counted, not named', async () => {
    const r = await importFile(
      'keys.env',
      `SQUARE_ACCESS_TOKEN=${SQUARE_TOKEN}\n${PAKMS}=x\nDATABASE_URL=postgres://x\n`,
    );
    expect(r).toMatchObject({ ok: true, data: { skipped: [{ envName: 'DATABASE_URL' }], skippedMore: 1 } });
    expect(JSON.stringify(r).toLowerCase()).not.toContain(PAKMS);
  });
});

describe('a token where an id belongs', () => {
  it('SQUARE_MERCHANT_ID=EAAA… in a file: refused, naming the key; nothing stored', async () => {
    const r = await importFile('bad.env', `SQUARE_ACCESS_TOKEN=${SQUARE_TOKEN}\nSQUARE_MERCHANT_ID=${OTHER_TOKEN}\n`);
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_INVALID', fields: ['SQUARE_MERCHANT_ID'] } });
    expect(JSON.stringify(r)).not.toContain(OTHER_TOKEN);
    expect(await f.keychainAccounts()).toEqual([]);
    expect(await metadataText()).not.toContain(OTHER_TOKEN);
  });

  it.each([
    ['label', `token ${OTHER_TOKEN}`],
    ['label', PAKMS],
    ['label', UUID_SECRET],
    ['label', 'sk_test_51HqFakeStripeKeyABCDEF123456'],
    ['merchantId', OTHER_TOKEN],
    ['appId', PAKMS],
    ['locationId', 'sq0csp-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'],
  ])('credentials.update with a secret-shaped %s is refused naming it; nothing stored', async (field, value) => {
    f.clipboard.writeText(SQUARE_TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const before = await metadataText();
    const r = await f.raw('credentials.update', { id: pending.credential.id, [field]: value });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: [field] } });
    expect(JSON.stringify(r)).not.toContain(value);
    expect(await metadataText()).toBe(before);
    expect(JSON.stringify(await f.call('credentials.list', {}))).not.toContain(value);
  });

  it('a label holding part of a secret this process loaded is refused too', async () => {
    f.clipboard.writeText(SQUARE_TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const piece = SQUARE_TOKEN.slice(10, 30);
    const r = await f.raw('credentials.update', { id: pending.credential.id, label: `dev ${piece}` });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: ['label'] } });
  });

  it('a whole stored value is recognised by its keyed hash even after a restart (nothing registered yet)', async () => {
    const clover = 'Zq9x7Rk2Lm4Np6Tv8Wb0Yc3Ed5Fg7Hj9Kl1Mn';
    f.clipboard.writeText(clover);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    await f.restart();
    const r = await f.raw('credentials.update', { id: pending.credential.id, merchantId: clover });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: ['merchantId'] } });
  });

  it('ordinary labels and ids are still accepted', async () => {
    f.clipboard.writeText(SQUARE_TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const r = await f.call('credentials.update', {
      id: pending.credential.id,
      label: 'Apple A Day – sandbox',
      merchantId: 'DM7VKY8Q63GNP',
      locationId: 'L88917AVBK2S5',
    });
    expect(r).toMatchObject({ label: 'Apple A Day – sandbox', merchantId: 'DM7VKY8Q63GNP' });
  });
});

describe('the audit log never holds an unregistered secret', () => {
  it('a store error embedding a secret is logged as a fixed text and its class', async () => {
    const leaky = 'EAAAleakedThroughAnErrorMessage0123456789';
    await f.restart({
      secretStore: {
        service: 'leaky',
        get: async () => null,
        set: async () => {
          throw new TypeError(`native failure while saving ${leaky} (and z9Q8w7E6r5T4y3U2i1O0p)`);
        },
        delete: async () => false,
        listAccounts: async () => [],
      },
    });
    f.clipboard.writeText(SQUARE_TOKEN);
    const r = await f.raw('credentials.importFromClipboard', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const log = await fs.readFile(path.join(f.dataDir, 'audit.log'), 'utf8');
    expect(log).toContain('"errorClass":"TypeError"');
    expect(log).not.toContain('z9Q8w7E6r5T4y3U2i1O0p');
    expect(log).not.toContain(leaky);
  });
});
