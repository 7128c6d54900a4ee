// The credential lifecycle through the router, with the real private keychain and a temp data folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pickProviderKind, startCore, type CoreFixture } from '../helpers/core-fixture';

const SQUARE_TOKEN = 'EAAAEcanaryIntegrationToken0123456789abcdefXYZ4b24';
const CLOVER_SECRET = 'd46d1234-5678-4abc-9def-0123456f1b77';

let f: CoreFixture;
beforeEach(async () => (f = await startCore()));
afterEach(async () => f.cleanup());

describe('paste from clipboard', () => {
  it('stores the value in the keychain as pending, clears the clipboard, and shows only a fingerprint', async () => {
    f.clipboard.writeText(`  ${SQUARE_TOKEN}\n`);
    const { pending, clipboardCleared } = await f.call('credentials.importFromClipboard', {});
    expect(clipboardCleared).toBe(true);
    expect(f.clipboard.readText()).toBe('');
    expect(pending.proposal).toMatchObject({ provider: 'square', kind: 'access_token', environment: null });
    expect(pending.credential).toMatchObject({ status: 'pending', source: 'clipboard' });
    expect(pending.credential.fingerprint).toMatch(/^EAAA…4b24 · [0-9a-f]{4}$/);
    expect(await keytar.getPassword(f.service, pending.credential.id)).toBe(SQUARE_TOKEN);
    expect(JSON.stringify(pending)).not.toContain(SQUARE_TOKEN);
  });

  it("confirm applies the user's correction and makes the credential active", async () => {
    f.clipboard.writeText(CLOVER_SECRET);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const confirmed = await f.call('credentials.confirm', {
      id: pending.credential.id,
      provider: 'clover',
      kind: 'access_token',
      environment: 'sandbox',
      label: 'Legacy token',
    });
    expect(confirmed).toMatchObject({
      status: 'active',
      kind: 'access_token',
      environment: 'sandbox',
      label: 'Legacy token',
    });
    const listed = await f.call('credentials.list', {});
    expect(listed.items).toEqual([confirmed]);
  });

  it('refuses a kind that does not belong to the provider', async () => {
    f.clipboard.writeText(CLOVER_SECRET);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const r = await f.raw('credentials.confirm', {
      id: pending.credential.id,
      provider: 'square',
      kind: 'pakms_key',
      environment: 'sandbox',
      label: 'x',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: ['kind'] } });
  });

  it('leaves prose on the clipboard alone and stores nothing', async () => {
    f.clipboard.writeText('remember to buy milk');
    const r = await f.raw('credentials.importFromClipboard', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNRECOGNIZED_SECRET' } });
    expect(f.clipboard.readText()).toBe('remember to buy milk');
    expect(await f.keychainAccounts()).toEqual([]);
    expect((await f.call('credentials.list', {})).items).toEqual([]);
  });
});

describe('import file', () => {
  it('imports known keys from a .env file with metadata, and reports the rest by name', async () => {
    const file = path.join(f.dataDir, 'sandbox.env');
    await fs.writeFile(
      file,
      `SQUARE_ACCESS_TOKEN=${SQUARE_TOKEN}\nSQUARE_ENVIRONMENT=sandbox\nSQUARE_LOCATION_ID=L88917AVBK2S5\nCLOVER_APP_SECRET=${CLOVER_SECRET}\nCLOVER_MERCHANT_ID=TC4DGCJW1K4EW\nDATABASE_URL=postgres://x\n`,
    );
    f.setDialogFile(file);
    const r = await f.call('credentials.importFromFile', {});
    expect(r.cancelled).toBe(false);
    expect(r.fileName).toBe('sandbox.env');
    expect(r.pending.map((p) => [p.proposal.provider, p.proposal.kind, p.proposal.environment])).toEqual([
      ['square', 'access_token', 'sandbox'],
      ['clover', 'app_secret', null],
    ]);
    expect(r.pending[0]!.credential).toMatchObject({ locationId: 'L88917AVBK2S5', merchantId: null });
    expect(r.pending[0]!.proposal.reason).toMatch(/environment from SQUARE_ENVIRONMENT in the file/);
    expect(r.pending[1]!.credential).toMatchObject({ merchantId: 'TC4DGCJW1K4EW', locationId: null });
    expect(r.skipped).toEqual([{ envName: 'DATABASE_URL', reason: 'not a key Merchant Keychain knows' }]);
    expect(await f.keychainAccounts()).toEqual(r.pending.map((p) => p.credential.id).sort());
    expect(JSON.stringify(r)).not.toMatch(new RegExp(`${SQUARE_TOKEN}|${CLOVER_SECRET}|postgres`));
  });

  it('cancelling the dialog changes nothing', async () => {
    f.setDialogFile(null);
    expect(await f.call('credentials.importFromFile', {})).toEqual({
      cancelled: true,
      fileName: null,
      pending: [],
      skipped: [],
      skippedMore: 0,
    });
    expect(await f.keychainAccounts()).toEqual([]);
  });

  it('a file without known keys is a typed error', async () => {
    const file = path.join(f.dataDir, 'other.env');
    await fs.writeFile(file, 'FOO=bar\n');
    f.setDialogFile(file);
    expect(await f.raw('credentials.importFromFile', {})).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
  });
});

describe('rename, delete, copy', () => {
  async function addConfirmed(value = SQUARE_TOKEN) {
    f.clipboard.writeText(value);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    return f.call('credentials.confirm', {
      id: pending.credential.id,
      ...pickProviderKind(pending.proposal),
      environment: 'sandbox',
      label: 'Dev token',
    });
  }

  it('renames and relabels, persisted across a restart', async () => {
    const c = await addConfirmed();
    await f.call('credentials.update', { id: c.id, label: 'Renamed', merchantId: 'DM7VKY8Q63GNP' });
    await f.restart();
    expect((await f.call('credentials.list', {})).items[0]).toMatchObject({
      label: 'Renamed',
      merchantId: 'DM7VKY8Q63GNP',
    });
  });

  it('delete removes the keychain item and the metadata together', async () => {
    const c = await addConfirmed();
    await f.call('credentials.delete', { id: c.id });
    expect(await f.keychainAccounts()).toEqual([]);
    expect((await f.call('credentials.list', {})).items).toEqual([]);
    const index = JSON.parse(await fs.readFile(path.join(f.dataDir, 'credentials.json'), 'utf8'));
    expect(index.credentials).toEqual([]);
  });

  it('copies raw, env and curl from main; the answer carries no value', async () => {
    const c = await addConfirmed();
    const raw = await f.call('credentials.copySecret', { id: c.id, format: 'raw' });
    expect(raw).toEqual({ format: 'raw', clearsInSeconds: 30 });
    expect(f.clipboard.readText()).toBe(SQUARE_TOKEN);
    await f.call('credentials.copySecret', { id: c.id, format: 'env' });
    expect(f.clipboard.readText()).toBe(`SQUARE_ACCESS_TOKEN=${SQUARE_TOKEN}`);
    await f.call('credentials.copySecret', { id: c.id, format: 'curl' });
    expect(f.clipboard.readText()).toBe(
      `curl -sS https://connect.squareupsandbox.com/v2/locations -H 'Square-Version: 2025-08-20' -H 'Authorization: Bearer ${SQUARE_TOKEN}'`,
    );
  });

  it('clears the clipboard after the countdown only if it still holds the copy, and on quit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const c = await addConfirmed();
      await f.call('settings.update', { clipboardClearSeconds: 5 });
      const cleared: string[] = [];
      f.core.on('clipboard.cleared', (e) => cleared.push(e.reason));
      await f.call('credentials.copySecret', { id: c.id, format: 'raw' });
      await vi.advanceTimersByTimeAsync(4_900);
      expect(f.clipboard.readText()).toBe(SQUARE_TOKEN);
      await vi.advanceTimersByTimeAsync(200);
      expect(f.clipboard.readText()).toBe('');
      expect(cleared).toEqual(['timeout']);

      await f.call('credentials.copySecret', { id: c.id, format: 'raw' });
      f.clipboard.writeText('something the user copied');
      await vi.advanceTimersByTimeAsync(6_000);
      expect(f.clipboard.readText()).toBe('something the user copied');

      await f.call('credentials.copySecret', { id: c.id, format: 'env' });
      await f.core.close();
      expect(f.clipboard.readText()).toBe('');
      expect(cleared).toEqual(['timeout', 'quit']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('curl for a Clover token without a merchant ID says what is missing', async () => {
    f.clipboard.writeText('7a1f0c2e9b3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b');
    const { pending } = await f.call('credentials.importFromClipboard', {});
    await f.call('credentials.confirm', {
      id: pending.credential.id,
      provider: 'clover',
      kind: 'access_token',
      environment: 'sandbox',
      label: 'Clover',
    });
    const r = await f.raw('credentials.copySecret', { id: pending.credential.id, format: 'curl' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', hint: expect.stringContaining('merchant ID') },
    });
  });
});

describe('consistency check', () => {
  it('reports orphans on both sides and deletes nothing', async () => {
    f.clipboard.writeText(SQUARE_TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    await keytar.deletePassword(f.service, pending.credential.id); // removed outside the app
    await keytar.setPassword(f.service, 'stray-item', 'not ours to delete');
    const report = await f.call('credentials.checkConsistency', {});
    expect(report).toMatchObject({
      keychainReachable: true,
      missingFromKeychain: [pending.credential.id],
      orphansInKeychain: ['stray-item'],
    });
    expect(await f.keychainAccounts()).toEqual(['stray-item']);
    expect((await f.call('credentials.list', {})).items).toHaveLength(1);
  });

  it('a corrupt metadata file is kept, not deleted, and its keychain items show as orphans', async () => {
    f.clipboard.writeText(SQUARE_TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    await fs.writeFile(path.join(f.dataDir, 'credentials.json'), '{"version":2,"credentials":[{"id":');
    await f.restart();
    const files = await fs.readdir(f.dataDir);
    expect(files.some((n) => n.startsWith('credentials.json.damaged-'))).toBe(true);
    expect((await f.call('app.info', {})).vault).toMatchObject({ state: 'recovered' });
    expect((await f.call('credentials.checkConsistency', {})).orphansInKeychain).toEqual([pending.credential.id]);
  });
});
