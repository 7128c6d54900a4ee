// Issue #8 "Credentials it understands": pasting the JSON a token endpoint returns imports two
// linked credentials with their expiry (Clover's /oauth/v2/token and Square's ObtainToken alike),
// and a .env / JSON file links what belongs together. All or nothing, duplicates refused, the
// clipboard cleared, no value in any answer or in the metadata file.
import fs from 'node:fs/promises';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CoreFixture } from '../helpers/core-fixture';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';
import { importEnv } from '../helpers/clover';

const AT = 'CLV2accessTokenValue0123456789abcdefABCDEF';
const RT = 'CLV2refreshTokenValue0123456789abcdefABCDEF';
const SQ_AT = 'EAAAl3ikZvYq9xDWmF0xCQY6fKNwhR8qLXnBzEp2dTs0';
const SQ_RT = 'EQAAl3ikZvYq9xDWmF0xCQY6fKNwhR8qLXnBzEp2dTs0';
const cloverJson = JSON.stringify({
  access_token: AT,
  access_token_expiration: 1709498373,
  refresh_token: RT,
  refresh_token_expiration: 1741034373,
});

let f: CoreFixture;
let store: FaultyStore;
beforeEach(async () => (f = await startCore((service) => ({ secretStore: (store = createFaultyStore(service)) }))));
afterEach(async () => f.cleanup());

const metadata = (): Promise<string> => fs.readFile(path.join(f.dataDir, 'credentials.json'), 'utf8').catch(() => '');

async function noValueAnywhere(answer: unknown, values: string[]): Promise<void> {
  const text = JSON.stringify(answer) + (await metadata());
  for (const v of values) expect(text).not.toContain(v);
}

describe('pasting a token-endpoint answer', () => {
  it('Clover /oauth/v2/token JSON: access + refresh token, linked, expiry from the *_expiration seconds', async () => {
    f.clipboard.writeText(`  ${JSON.stringify(JSON.parse(cloverJson), null, 2)}\n`);
    const r = await f.call('credentials.importFromClipboard', {});
    const access = r.pending.credential;
    const refresh = r.linked![0]!.credential;
    expect(access).toMatchObject({
      provider: 'clover',
      kind: 'access_token',
      expiresAt: '2024-03-03T20:39:33.000Z',
      status: 'pending',
    });
    expect(refresh).toMatchObject({
      provider: 'clover',
      kind: 'refresh_token',
      parentId: access.id,
      expiresAt: '2025-03-03T20:39:33.000Z',
    });
    expect(r.pending.proposal).toMatchObject({ confidence: 'documented', environment: null });
    expect(r.clipboardCleared).toBe(true);
    expect(f.clipboard.readText()).toBe('');
    expect(await keytar.getPassword(f.service, access.id)).toBe(AT);
    expect(await keytar.getPassword(f.service, refresh.id)).toBe(RT);
    await noValueAnywhere(r, [AT, RT]);
  });

  it('Square ObtainTokenResponse JSON: the same, with merchant_id and refresh_token_expires_at', async () => {
    f.clipboard.writeText(
      JSON.stringify({
        access_token: SQ_AT,
        token_type: 'bearer',
        expires_at: '2026-05-01T10:00:00Z',
        merchant_id: 'MLABC123XYZ',
        refresh_token: SQ_RT,
        short_lived: false,
        refresh_token_expires_at: '2026-07-30T10:00:00Z',
      }),
    );
    const r = await f.call('credentials.importFromClipboard', {});
    expect(r.pending.credential).toMatchObject({
      provider: 'square',
      kind: 'access_token',
      expiresAt: '2026-05-01T10:00:00.000Z',
      merchantId: 'MLABC123XYZ',
    });
    expect(r.linked![0]!.credential).toMatchObject({
      provider: 'square',
      kind: 'refresh_token',
      parentId: r.pending.credential.id,
      expiresAt: '2026-07-30T10:00:00.000Z',
    });
    await noValueAnywhere(r, [SQ_AT, SQ_RT]);
  });

  it('no refresh token (no_refresh_token=true): one credential, no link', async () => {
    f.clipboard.writeText(JSON.stringify({ access_token: AT, access_token_expiration: 1709498373 }));
    const r = await f.call('credentials.importFromClipboard', {});
    expect(r.pending.credential.kind).toBe('access_token');
    expect(r.linked).toEqual([]);
  });

  it('the same paste twice is refused as a duplicate and the clipboard is still cleared', async () => {
    f.clipboard.writeText(cloverJson);
    await f.call('credentials.importFromClipboard', {});
    f.clipboard.writeText(cloverJson);
    const r = await f.raw('credentials.importFromClipboard', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(f.clipboard.readText()).toBe('');
    expect((await f.call('credentials.list', {})).items).toHaveLength(2);
  });

  it('the keychain refusing the second value stores neither (all or nothing)', async () => {
    f.clipboard.writeText(cloverJson);
    store.failNthSet(2, 'locked');
    const r = await f.raw('credentials.importFromClipboard', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    expect(await f.keychainAccounts()).toEqual([]);
    expect((await f.call('credentials.list', {})).items).toEqual([]);
    await noValueAnywhere(r, [AT, RT]);
  });

  it.each([
    ['expirations in milliseconds', { access_token: AT, access_token_expiration: 1709498373000, refresh_token: RT }],
    ['a token with spaces', { access_token: 'has spaces in it but long', access_token_expiration: 1709498373 }],
    [
      "another vendor's key as the token",
      { access_token: 'sk_live_0123456789abcdefghij', access_token_expiration: 1709498373 },
    ],
    ['Clover and Square fields mixed', { access_token: AT, access_token_expiration: 1709498373, merchant_id: 'X' }],
  ])(
    'malformed (%s): refused as unrecognised, nothing stored, the clipboard cleared, no value echoed',
    async (_w, body) => {
      f.clipboard.writeText(JSON.stringify(body));
      const r = await f.raw('credentials.importFromClipboard', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNRECOGNIZED_SECRET' } });
      expect(f.clipboard.readText()).toBe('');
      expect(await f.keychainAccounts()).toEqual([]);
      await noValueAnywhere(r, [AT, 'sk_live_0123456789abcdefghij']);
    },
  );

  it('JSON without an access_token is not a token answer: refused, the clipboard left alone', async () => {
    f.clipboard.writeText('{"hello": "world"}');
    expect(await f.raw('credentials.importFromClipboard', {})).toMatchObject({
      ok: false,
      error: { code: 'UNRECOGNIZED_SECRET' },
    });
    expect(f.clipboard.readText()).toBe('{"hello": "world"}');
  });

  it('a saved token answer imported as a JSON file is the same pair', async () => {
    const file = path.join(f.dataDir, 'token.json');
    await fs.writeFile(file, cloverJson);
    f.setDialogFile(file);
    const r = await f.call('credentials.importFromFile', {});
    expect(r.pending.map((p) => p.credential.kind)).toEqual(['access_token', 'refresh_token']);
    expect(r.pending[1]!.credential.parentId).toBe(r.pending[0]!.credential.id);
  });
});

describe('a .env file links what belongs together', () => {
  it('Clover: app ID -> secret, app ID -> access -> refresh token, the merchant ID, expirations', async () => {
    const views = await importEnv(f, {
      CLOVER_CLIENT_ID: 'RKAPPID123S9C',
      CLOVER_CLIENT_SECRET: 'd46d1234-5678-4abc-9def-0123456f1b77',
      CLOVER_API_TOKEN: AT,
      CLOVER_REFRESH_TOKEN: RT,
      CLOVER_API_ACCESS_KEY: 'af4e0123456789abcdef0123456789d1',
      CLOVER_MID: 'TC4DGCJW1K4EW',
      CLOVER_ENV: 'sandbox',
      CLOVER_ACCESS_TOKEN_EXPIRATION: '1709498373',
      CLOVER_REFRESH_TOKEN_EXPIRATION: '1741034373',
    });
    const by = Object.fromEntries(views.map((v) => [v.kind, v]));
    expect(Object.keys(by).sort()).toEqual(['access_token', 'app_id', 'app_secret', 'pakms_key', 'refresh_token']);
    expect(by.app_secret!.parentId).toBe(by.app_id!.id);
    expect(by.access_token!.parentId).toBe(by.app_id!.id);
    expect(by.refresh_token!.parentId).toBe(by.access_token!.id);
    expect(by.access_token).toMatchObject({
      merchantId: 'TC4DGCJW1K4EW',
      environment: 'sandbox',
      expiresAt: '2024-03-03T20:39:33.000Z',
    });
    expect(by.refresh_token).toMatchObject({ expiresAt: '2025-03-03T20:39:33.000Z' });
    expect(by.pakms_key).toMatchObject({ merchantId: 'TC4DGCJW1K4EW', parentId: null });
    // An app ID imported as a credential is a keychain value like any other: never copied to metadata.
    expect(views.every((v) => v.appId === null)).toBe(true);
    await noValueAnywhere(views, [
      'RKAPPID123S9C',
      AT,
      RT,
      'd46d1234-5678-4abc-9def-0123456f1b77',
      'af4e0123456789abcdef0123456789d1',
    ]);
  });

  it('Square: application ID -> secret, application ID -> access -> refresh token', async () => {
    const views = await importEnv(f, {
      SQUARE_APPLICATION_ID: 'sandbox-sq0idb-abcdefghijklmnop',
      SQUARE_APPLICATION_SECRET: 'sandbox-sq0csb-abcdefghijklmnop',
      SQUARE_ACCESS_TOKEN: SQ_AT,
      SQUARE_REFRESH_TOKEN: SQ_RT,
    });
    const by = Object.fromEntries(views.map((v) => [v.kind, v]));
    expect(by.application_secret!.parentId).toBe(by.application_id!.id);
    expect(by.access_token!.parentId).toBe(by.application_id!.id);
    expect(by.refresh_token!.parentId).toBe(by.access_token!.id);
    expect(JSON.stringify(views)).not.toContain('sandbox-sq0idb-abcdefghijklmnop');
  });

  it('two access tokens in one file: ambiguous, so the refresh token is not linked', async () => {
    const views = await importEnv(f, { CLOVER_ACCESS_TOKEN: AT, CLOVER_API_TOKEN: `${AT}x`, CLOVER_REFRESH_TOKEN: RT });
    expect(views.find((v) => v.kind === 'refresh_token')!.parentId).toBeNull();
  });

  it('a refresh token whose access token is already stored is linked to the stored one', async () => {
    const [access] = await importEnv(f, { CLOVER_ACCESS_TOKEN: AT });
    const views = await importEnv(f, { CLOVER_ACCESS_TOKEN: AT, CLOVER_REFRESH_TOKEN: RT });
    expect(views.map((v) => v.kind)).toEqual(['refresh_token']);
    expect(views[0]!.parentId).toBe(access!.id);
  });
});
