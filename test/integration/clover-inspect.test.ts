// Issue #8 "Inspect": credentials.inspect against the local Clover and the private keychain. Every
// verdict comes from what the stand-in answered (or, for refresh tokens and expired tokens, from
// metadata alone, with zero requests), and nothing secret appears in an answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClover, startCloverCore, type CloverFixture } from '../helpers/clover';

let t: CloverFixture;
beforeEach(async () => (t = await startCloverCore()));
afterEach(async () => t.cleanup());

const noSecrets = (answer: unknown, ...secrets: string[]): void => {
  const text = JSON.stringify(answer);
  for (const s of secrets) expect(text).not.toContain(s);
};

describe('access tokens', () => {
  it('a valid v2 token: merchant by id and name, app by PAKMS, environment, two requests', async () => {
    const { app, merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r).toMatchObject({
      verdict: 'valid',
      environmentFound: 'sandbox',
      merchant: { id: merchant.id, name: merchant.name },
      appId: app.id,
      requests: 2,
      scopes: ['MERCHANT_R', 'PROCESS_CARDS'],
      checklist: [],
    });
    expect(
      t.clover.inspect
        .requests({ environment: 'sandbox' })
        .map((q) => q.path)
        .sort(),
    ).toEqual(['/pakms/apikey', `/v3/merchants/${merchant.id}`]);
    const listed = (await t.f.call('credentials.list', {})).items.find((c) => c.id === at!.id)!;
    expect(listed).toMatchObject({ verdict: 'valid', appId: app.id, merchantId: merchant.id });
    expect(listed.lastCheckedAt).toBe(r.checkedAt);
    const pakms = t.clover.seed.pakmsKey({ appId: app.id, merchantId: merchant.id });
    noSecrets(r, tokens.access_token, pakms.value);
  });

  it('without a merchant ID, GET /pakms/apikey names the merchant and app, which are stored', async () => {
    const { app, merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(t.f, { CLOVER_ACCESS_TOKEN: tokens.access_token });
    expect(at!.merchantId).toBeNull();
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r).toMatchObject({ verdict: 'valid', merchant: { id: merchant.id, name: merchant.name }, appId: app.id });
    const listed = (await t.f.call('credentials.list', {})).items.find((c) => c.id === at!.id)!;
    expect(listed).toMatchObject({ merchantId: merchant.id, appId: app.id });
  });

  it('a token without Online payments is valid, says it cannot fetch a PAKMS key', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant({ permissions: ['MERCHANT_R'] });
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('valid');
    expect(r.scopes).toEqual(['MERCHANT_R']);
    expect(r.reason).toMatch(/cannot fetch a PAKMS key/);
  });

  it('a sandbox token stored as production: wrong_environment, found in sandbox', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(
      t.f,
      { CLOVER_ACCESS_TOKEN: tokens.access_token, CLOVER_MERCHANT_ID: merchant.id },
      'production',
    );
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r).toMatchObject({
      verdict: 'wrong_environment',
      environmentFound: 'sandbox',
      merchant: { id: merchant.id },
    });
    expect(r.nextStep).toMatch(/sandbox/);
    expect(t.clover.inspect.requests({ environment: 'production' }).map((q) => q.status)).toEqual([401, 401]);
  });

  it('refused in both environments: invalid, "invalid, expired, revoked or missing a permission", with the checklist', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    t.clover.seed.revoke(tokens.access_token);
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('invalid');
    expect(r.reason).toContain('invalid, expired, revoked or missing a permission');
    expect(r.checklist.length).toBeGreaterThanOrEqual(5);
    expect(r.checklist.join(' ')).toMatch(/environment/);
    expect(r.checklist.join(' ')).toMatch(/reinstall/);
    expect(r.environmentFound).toBeNull();
    expect(r.requests).toBe(3); // merchant + PAKMS in sandbox, merchant in production
    noSecrets(r, tokens.access_token);
  });

  it('clearly past its stored expiry: expired, without a request', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_REFRESH_TOKEN: tokens.refresh_token,
      CLOVER_MERCHANT_ID: merchant.id,
      CLOVER_ACCESS_TOKEN_EXPIRATION: String(Math.floor(Date.now() / 1000) - 3600),
    });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r).toMatchObject({ verdict: 'expired', requests: 0 });
    expect(r.nextStep).toMatch(/Refresh/);
    expect(t.clover.inspect.requests()).toHaveLength(0);
  });

  it('refused after its expiry passed (within the clock-skew window): expired', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    t.clover.seed.revoke(tokens.access_token);
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
      CLOVER_ACCESS_TOKEN_EXPIRATION: String(Math.floor(Date.now() / 1000) - 5),
    });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('expired');
    expect(r.requests).toBeGreaterThan(0);
  });

  it('a merchant test token: checked with GET /v3/merchants only; without a merchant ID it is untested', async () => {
    const merchant = t.clover.seed.merchant();
    const token = t.clover.seed.merchantTestToken({ merchantId: merchant.id, permissions: ['MERCHANT_R'] });
    const { merchant_token: mt } = await addClover(t.f, { CLOVER_MERCHANT_TOKEN: token.value });
    expect((await t.f.call('credentials.inspect', { id: mt!.id })).verdict).toBe('untested');
    expect(t.clover.inspect.requests()).toHaveLength(0);
    await t.f.call('credentials.update', { id: mt!.id, merchantId: merchant.id });
    const r = await t.f.call('credentials.inspect', { id: mt!.id });
    expect(r).toMatchObject({ verdict: 'valid', requests: 1, merchant: { id: merchant.id } });
    expect(r.risks.some((x) => /Legacy/.test(x.text))).toBe(true); // UUID-shaped, like a v1 token
  });

  it('a legacy (v1) token is valid with a migration warning', async () => {
    const { app, merchant } = t.clover.seed.connectedMerchant();
    const legacy = t.clover.seed.legacyToken({ appId: app.id, merchantId: merchant.id });
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: legacy.value,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('valid');
    expect(r.risks).toContainEqual(
      expect.objectContaining({ level: 'warning', text: expect.stringMatching(/Migrate/) }),
    );
  });
});

describe('failures that are not 401', () => {
  it('connection dropped every time: unreachable, not invalid, and production is not asked', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    t.clover.faults.always({ environment: 'sandbox' }, { kind: 'drop', when: 'before' });
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('unreachable');
    expect(t.clover.inspect.requests({ environment: 'production' })).toHaveLength(0);
  });

  it('429 every time: rate_limited, after honouring Retry-After', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    t.clover.faults.always(
      { path: `/v3/merchants/${merchant.id}` },
      { kind: 'rateLimit429', limit: 'tokenConcurrentLimit', retryAfterSec: 0 },
    );
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('rate_limited');
    expect(r.requests).toBeGreaterThan(2); // retried, not given up at the first 429
  });

  it.each([
    ['an HTML error page', { kind: 'html502' as const }],
    ['truncated JSON', { kind: 'truncatedJson' as const }],
    ['a JSON 500', { kind: 'json500' as const }],
  ])('%s: a typed "error" verdict, never the raw body', async (_what, fault) => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const { access_token: at } = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    t.clover.faults.always({ path: `/v3/merchants/${merchant.id}` }, fault);
    const r = await t.f.call('credentials.inspect', { id: at!.id });
    expect(r.verdict).toBe('error');
    expect(r.reason).not.toMatch(/nginx|<html|Bad Gateway|"id"/i);
  });
});

describe('refresh tokens and keys', () => {
  it('a refresh token is never spent: untested, judged on its expiry, zero requests', async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const v = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_REFRESH_TOKEN: tokens.refresh_token,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: v.refresh_token!.id });
    expect(r).toMatchObject({ verdict: 'untested', requests: 0 });
    expect(r.reason).toMatch(/only once/);
    expect(t.clover.inspect.refreshCalls()).toBe(0);
    expect(t.clover.inspect.credentialStatus(tokens.refresh_token)).toBe('active');
  });

  it('a PAKMS key is compared with the key Clover reports for its merchant, never used', async () => {
    const { app, merchant, tokens } = t.clover.seed.connectedMerchant();
    const key = t.clover.seed.pakmsKey({ appId: app.id, merchantId: merchant.id });
    const v = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_PAKMS_KEY: key.value,
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: v.pakms_key!.id });
    expect(r).toMatchObject({ verdict: 'valid', merchant: { id: merchant.id }, appId: app.id });
    expect(t.clover.inspect.requests({ path: '/v1/tokens' })).toHaveLength(0);
    noSecrets(r, key.value);
  });

  it("a PAKMS key that is not the merchant's current one is invalid", async () => {
    const { merchant, tokens } = t.clover.seed.connectedMerchant();
    const v = await addClover(t.f, {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_PAKMS_KEY: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      CLOVER_MERCHANT_ID: merchant.id,
    });
    const r = await t.f.call('credentials.inspect', { id: v.pakms_key!.id });
    expect(r.verdict).toBe('invalid');
    expect(r.nextStep).toMatch(/Fetch/);
  });

  it.each([
    ['CLOVER_APP_ID', 'RKAPPID123S9C', 'app_id'],
    ['CLOVER_APP_SECRET', 'd46d1234-5678-4abc-9def-0123456f1b77', 'app_secret'],
    ['CLOVER_ECOMMERCE_PRIVATE_KEY', 'c46d1234-5678-4abc-9def-0123456f1b77', 'ecommerce_private_key'],
  ])('%s is untested, with why, and nothing is sent', async (key, value, kind) => {
    const v = await addClover(t.f, { [key]: value });
    const r = await t.f.call('credentials.inspect', { id: v[kind]!.id });
    expect(r.verdict).toBe('untested');
    expect(r.reason.length).toBeGreaterThan(40);
    expect(r.nextStep).not.toBeNull();
    expect(t.clover.inspect.requests()).toHaveLength(0);
  });
});
