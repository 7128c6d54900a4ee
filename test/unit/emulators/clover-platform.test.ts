// GET /v3/merchants/{mId} (ref §8) and the 401 rules: wrong merchant, wrong environment, missing
// permission, expired, revoked, uninstalled -- all indistinguishable 401s.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloverEmulatorSetupError, startCloverEmulator, type CloverEmulator } from '../../emulators/clover';
import { call } from './clover-helpers';

let clover: CloverEmulator;
const T0 = Date.UTC(2026, 2, 1);

beforeEach(async () => {
  clover = await startCloverEmulator({ now: () => T0 });
});
afterEach(async () => {
  await clover.close();
});

const merchantPath = (id: string) => `/v3/merchants/${id}`;

describe('merchant lookup', () => {
  it('answers the merchant for its own token; expand=address,owner inlines them', async () => {
    const { merchant, tokens } = clover.seed.connectedMerchant();
    const r = await call(clover.urls.sandbox, 'GET', merchantPath(merchant.id), { token: tokens.access_token });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: merchant.id, name: merchant.name, address: { href: expect.any(String) } });
    expect(r.json.address.city).toBeUndefined();
    const e = await call(clover.urls.sandbox, 'GET', `${merchantPath(merchant.id)}?expand=address,owner`, {
      token: tokens.access_token,
    });
    expect(e.json.address).toMatchObject({ city: 'Sunnyvale', country: 'US' });
    expect(e.json.owner).toMatchObject({ id: merchant.ownerEmployeeId, email: expect.any(String) });
  });

  it('a token of the other environment is a 401 there and a 200 at home (both directions)', async () => {
    const sb = clover.seed.connectedMerchant();
    const prod = clover.seed.connectedMerchant({ environment: 'production' });
    const at = (env: 'sandbox' | 'production', s: typeof sb) =>
      call(clover.urls[env], 'GET', merchantPath(s.merchant.id), { token: s.tokens.access_token }).then(
        (r) => r.status,
      );
    expect(await at('sandbox', sb)).toBe(200);
    expect(await at('production', sb)).toBe(401);
    expect(await at('production', prod)).toBe(200);
    expect(await at('sandbox', prod)).toBe(401);
  });

  it('401 for other merchant, no MERCHANT_R, revoked, uninstalled, refresh token, no header; plain body', async () => {
    const sbUrl = clover.urls.sandbox;
    const a = clover.seed.connectedMerchant();
    const b = clover.seed.connectedMerchant();
    const other = await call(sbUrl, 'GET', merchantPath(b.merchant.id), { token: a.tokens.access_token });
    expect(other.status).toBe(401);
    expect(other.json).toEqual({ message: '401 Unauthorized' });

    const noPerm = clover.seed.connectedMerchant({ permissions: ['PROCESS_CARDS'] });
    expect(
      (await call(sbUrl, 'GET', merchantPath(noPerm.merchant.id), { token: noPerm.tokens.access_token })).status,
    ).toBe(401);

    expect((await call(sbUrl, 'GET', merchantPath(a.merchant.id), { token: a.tokens.refresh_token })).status).toBe(401);
    expect((await call(sbUrl, 'GET', merchantPath(a.merchant.id))).status).toBe(401);
    clover.seed.revoke(a.tokens.accessTokenId);
    expect((await call(sbUrl, 'GET', merchantPath(a.merchant.id), { token: a.tokens.access_token })).status).toBe(401);
    clover.seed.uninstall({ appId: b.app.id, merchantId: b.merchant.id });
    expect((await call(sbUrl, 'GET', merchantPath(b.merchant.id), { token: b.tokens.access_token })).status).toBe(401);
    expect(clover.inspect.credentialStatus(b.tokens.accessTokenId)).toBe('uninstalled');
  });

  it('a permission added on the dashboard only counts after a reinstall (ref §8)', async () => {
    const s = clover.seed.connectedMerchant({ permissions: ['PROCESS_CARDS'] });
    const get = () =>
      call(clover.urls.sandbox, 'GET', merchantPath(s.merchant.id), { token: s.tokens.access_token }).then(
        (r) => r.status,
      );
    clover.seed.setAppPermissions(s.app.id, ['PROCESS_CARDS', 'MERCHANT_R']);
    expect(await get()).toBe(401);
    clover.seed.install({ appId: s.app.id, merchantId: s.merchant.id });
    expect(await get()).toBe(200);
  });

  it('legacy tokens and scoped merchant test tokens work as Bearer; legacy ones expire after 365 days', async () => {
    const s = clover.seed.connectedMerchant();
    const legacy = clover.seed.legacyToken({ appId: s.app.id, merchantId: s.merchant.id });
    const scoped = clover.seed.merchantTestToken({ merchantId: s.merchant.id, permissions: ['MERCHANT_R'] });
    const unscoped = clover.seed.merchantTestToken({ merchantId: s.merchant.id, permissions: ['ORDERS_R'] });
    const get = (t: string) =>
      call(clover.urls.sandbox, 'GET', merchantPath(s.merchant.id), { token: t }).then((r) => r.status);
    expect(await get(legacy.value)).toBe(200);
    expect(await get(scoped.value)).toBe(200);
    expect(await get(unscoped.value)).toBe(401);
    clover.advance(365 * 86_400_000);
    expect(await get(legacy.value)).toBe(401);
    expect(await get(scoped.value)).toBe(200);
    const prod = clover.seed.merchant({ environment: 'production' });
    expect(() => clover.seed.merchantTestToken({ merchantId: prod.id, permissions: ['MERCHANT_R'] })).toThrow(
      CloverEmulatorSetupError,
    );
  });

  it('unknown paths are 404, wrong methods 405; the request log has no token values', async () => {
    const s = clover.seed.connectedMerchant();
    expect(
      (await call(clover.urls.sandbox, 'GET', '/v3/merchants/X/employees/current', { token: s.tokens.access_token }))
        .status,
    ).toBe(404);
    expect((await call(clover.urls.sandbox, 'GET', '/v1/pakms/apikey', { token: s.tokens.access_token })).status).toBe(
      404,
    );
    const wrong = await call(clover.urls.sandbox, 'DELETE', merchantPath(s.merchant.id), {
      token: s.tokens.access_token,
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    await call(clover.urls.sandbox, 'GET', `/v3/access_tokens/${s.tokens.access_token}`, {
      token: s.tokens.access_token,
    });
    const log = clover.inspect.requests();
    expect(log).toHaveLength(4);
    expect(log[3]).toMatchObject({
      path: '/v3/access_tokens/:redacted',
      status: 404,
      credentialId: s.tokens.accessTokenId,
    });
    const dump = JSON.stringify(log);
    for (const secret of [s.tokens.access_token, s.tokens.refresh_token, s.app.secret])
      expect(dump).not.toContain(secret);
  });
});
