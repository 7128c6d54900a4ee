// Issue #8 "Connect", "Migrate" and "PAKMS": clover.connect (OAuth v2 + PKCE; a test "browser"
// loads the stand-in's authorize page, presses Allow and follows the redirect to main's loopback
// listener), clover.migrateToken and clover.fetchPakmsKey, against the local Clover.
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { addClover, browser, startCloverCore, type CloverFixture } from '../helpers/clover';

let t: CloverFixture;
afterEach(async () => t?.cleanup());

describe('clover.connect', () => {
  it("PKCE in the browser: the pair is stored, linked, with Clover's expiry, and it works", async () => {
    t = await startCloverCore({ browser: browser() });
    const app = t.clover.seed.app({ redirectUris: ['http://127.0.0.1/callback'] });
    const merchant = t.clover.seed.merchant({ name: 'Blue Bottle' });
    t.clover.seed.authorizeAs('sandbox', merchant.id);
    const r = await t.f.call('clover.connect', { environment: 'sandbox', appId: app.id });
    expect(r.merchantId).toBe(merchant.id);
    const [access, refresh] = r.credentials;
    expect(access).toMatchObject({
      kind: 'access_token',
      status: 'active',
      environment: 'sandbox',
      source: 'keychain',
      merchantId: merchant.id,
      appId: app.id,
    });
    expect(refresh).toMatchObject({ kind: 'refresh_token', parentId: access!.id });
    expect(Date.parse(access!.expiresAt!)).toBeGreaterThan(Date.now());
    const url = new URL(t.opened[0]!);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    // No secret was ever sent: the token exchange carried the verifier, not the app secret.
    expect((await t.f.call('credentials.inspect', { id: access!.id })).verdict).toBe('valid');
    expect((await t.f.call('credentials.refresh', { id: access!.id })).saved).toBe(true);
    const value = (await keytar.getPassword(t.f.service, access!.id))!;
    expect(JSON.stringify(r)).not.toContain(value);
  });

  it('a redirect whose state does not match is refused; nothing is stored and no code is exchanged', async () => {
    t = await startCloverCore({
      browser: browser({ tamper: (u) => (u.searchParams.set('state', 'forged-state'), u) }),
    });
    const app = t.clover.seed.app();
    t.clover.seed.merchant();
    const r = await t.f.raw('clover.connect', { environment: 'sandbox', appId: app.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/state/) } });
    expect(t.clover.inspect.requests({ path: '/oauth/v2/token' })).toHaveLength(0);
    expect(await t.f.keychainAccounts()).toEqual([]);
  });

  it('the loopback listener takes one answer: a second visit finds nothing', async () => {
    let redirect: URL | null = null;
    t = await startCloverCore({ browser: browser({ tamper: (u) => (redirect = u) }) });
    const app = t.clover.seed.app();
    t.clover.seed.merchant();
    await t.f.call('clover.connect', { environment: 'sandbox', appId: app.id });
    await expect(fetch(redirect!)).rejects.toThrow(); // closed: connection refused
  });

  it('no answer from the browser: a timeout, nothing stored; cancel ends a waiting connect', async () => {
    t = await startCloverCore({
      core: { timing: { httpTimeoutMs: 3_000, httpRetryBaseDelayMs: 20, oauthCallbackTimeoutMs: 300 } },
    });
    const app = t.clover.seed.app();
    expect(await t.f.raw('clover.connect', { environment: 'sandbox', appId: app.id })).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_TIMEOUT' },
    });
    await t.f.restart({ timing: { httpTimeoutMs: 3_000, httpRetryBaseDelayMs: 20, oauthCallbackTimeoutMs: 60_000 } });
    const waiting = t.f.raw('clover.connect', { environment: 'sandbox', appId: app.id });
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.f.raw('clover.connect', { environment: 'sandbox', appId: app.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.f.call('clover.cancelConnect', {})).toEqual({ cancelled: true });
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await t.f.keychainAccounts()).toEqual([]);
  });

  it("an unknown app: Clover's page refuses, the browser gets no redirect, the connect times out", async () => {
    const errors: unknown[] = [];
    t = await startCloverCore({
      core: { timing: { httpTimeoutMs: 3_000, httpRetryBaseDelayMs: 20, oauthCallbackTimeoutMs: 500 } },
      browser: (u) => browser()(u).catch((e: unknown) => void errors.push(e)),
    });
    const r = await t.f.raw('clover.connect', { environment: 'sandbox', appId: 'NOSUCHAPP1234' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VENDOR_TIMEOUT' } });
    expect(String(errors[0])).toMatch(/400/);
  });
});

describe('clover.migrateToken', () => {
  it('a legacy token becomes a v2 pair (migrate_v2, then the PKCE exchange); the legacy token stops working', async () => {
    t = await startCloverCore();
    const { app, merchant } = t.clover.seed.connectedMerchant();
    const legacy = t.clover.seed.legacyToken({ appId: app.id, merchantId: merchant.id });
    const v = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: legacy.value,
      CLOVER_MERCHANT_ID: merchant.id,
      CLOVER_APP_ID: app.id,
    });
    const r = await t.f.call('clover.migrateToken', { id: v.access_token!.id });
    expect(r.legacyId).toBe(v.access_token!.id);
    const [access, refresh] = r.credentials;
    // The App ID came from the keychain (an imported credential): linked, never copied to metadata.
    expect(access).toMatchObject({
      kind: 'access_token',
      merchantId: merchant.id,
      appId: null,
      parentId: v.app_id!.id,
      status: 'active',
    });
    expect(refresh!.parentId).toBe(access!.id);
    expect(t.clover.inspect.requests().map((q) => q.path)).toEqual(['/oauth/token/migrate_v2', '/oauth/v2/token']);
    expect(t.clover.inspect.credentialStatus(legacy.value)).toBe('revoked');
    expect((await t.f.call('credentials.inspect', { id: access!.id })).verdict).toBe('valid');
    expect((await t.f.call('credentials.inspect', { id: v.access_token!.id })).verdict).toBe('invalid');
  });

  it('refused without the app ID, and for a v2 token (nothing to migrate), without a request', async () => {
    t = await startCloverCore();
    const { app, merchant, tokens } = t.clover.seed.connectedMerchant();
    const legacy = t.clover.seed.legacyToken({ appId: app.id, merchantId: merchant.id });
    const a = await addClover(t.f, { CLOVER_ACCESS_TOKEN: legacy.value, CLOVER_MERCHANT_ID: merchant.id });
    expect(await t.f.raw('clover.migrateToken', { id: a.access_token!.id })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/App ID/) },
    });
    const b = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
      CLOVER_APP_ID: app.id,
    });
    expect(await t.f.raw('clover.migrateToken', { id: b.access_token!.id })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/not a legacy/) },
    });
    expect(t.clover.inspect.requests()).toHaveLength(0);
  });

  it('Clover refusing the legacy token: plain words, nothing stored', async () => {
    t = await startCloverCore();
    const { app, merchant } = t.clover.seed.connectedMerchant();
    const legacy = t.clover.seed.legacyToken({ appId: app.id, merchantId: merchant.id });
    t.clover.seed.revoke(legacy.value);
    const v = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: legacy.value,
      CLOVER_MERCHANT_ID: merchant.id,
      CLOVER_APP_ID: app.id,
    });
    const before = await t.f.keychainAccounts();
    expect(await t.f.raw('clover.migrateToken', { id: v.access_token!.id })).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_ERROR', message: expect.stringMatching(/refused the migration/) },
    });
    expect(await t.f.keychainAccounts()).toEqual(before);
  });
});

describe('clover.fetchPakmsKey', () => {
  it("stores the merchant's key as a credential of that merchant and app; a second fetch finds it stored", async () => {
    t = await startCloverCore();
    const { app, merchant, tokens } = t.clover.seed.connectedMerchant();
    const v = await addClover(t.f, { CLOVER_ACCESS_TOKEN: tokens.access_token });
    const r = await t.f.call('clover.fetchPakmsKey', { id: v.access_token!.id });
    expect(r).toMatchObject({
      alreadyStored: false,
      credential: {
        kind: 'pakms_key',
        merchantId: merchant.id,
        appId: app.id,
        environment: 'sandbox',
        status: 'active',
        source: 'keychain',
      },
    });
    const key = t.clover.seed.pakmsKey({ appId: app.id, merchantId: merchant.id }).value;
    expect(await keytar.getPassword(t.f.service, r.credential.id)).toBe(key);
    expect(JSON.stringify(r)).not.toContain(key);
    expect(await t.f.call('clover.fetchPakmsKey', { id: v.access_token!.id })).toMatchObject({
      alreadyStored: true,
      credential: { id: r.credential.id },
    });
  });

  it('without Online payments: 401 in plain words, with the reinstall hint', async () => {
    t = await startCloverCore();
    const { tokens } = t.clover.seed.connectedMerchant({ permissions: ['MERCHANT_R'] });
    const v = await addClover(t.f, { CLOVER_ACCESS_TOKEN: tokens.access_token });
    const r = await t.f.raw('clover.fetchPakmsKey', { id: v.access_token!.id });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VENDOR_ERROR',
        message: expect.stringMatching(/Online payments/),
        hint: expect.stringMatching(/reinstall/),
      },
    });
  });

  it('a malformed answer is a typed error, never the body', async () => {
    t = await startCloverCore();
    const { tokens } = t.clover.seed.connectedMerchant();
    const v = await addClover(t.f, { CLOVER_ACCESS_TOKEN: tokens.access_token });
    t.clover.faults.once({ path: '/pakms/apikey' }, { kind: 'truncatedJson' });
    const r = await t.f.raw('clover.fetchPakmsKey', { id: v.access_token!.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_ERROR', message: expect.stringMatching(/could not read/) },
    });
    expect(JSON.stringify(r)).not.toMatch(/apiAccessKey|merchantUuid/);
  });
});
