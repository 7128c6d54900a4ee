// The local Clover's OAuth v2 (ref §2) over real HTTP: issue, refresh, single use, cap, PKCE,
// authorize page, migration, expiry by the emulator clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloverEmulator, type CloverEmulator } from '../../emulators/clover';
import { call, pkce } from './clover-helpers';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
let clover: CloverEmulator;

beforeEach(async () => {
  clover = await startCloverEmulator({ now: () => T0, maxActiveRefreshTokens: 3 });
});
afterEach(async () => {
  await clover.close();
});

function sandboxApp(redirectUris: string[] = []) {
  const app = clover.seed.app({ redirectUris });
  const merchant = clover.seed.merchant({ name: 'Corner Cafe' });
  return { app, merchant, sb: clover.urls.sandbox };
}

function codeFrom(location: string) {
  const u = new URL(location);
  return Object.fromEntries(u.searchParams) as Record<string, string>;
}

describe('high-trust token exchange', () => {
  it('returns the four fields with expirations in Unix seconds, and the token works on /v3', async () => {
    const { app, merchant, sb } = sandboxApp();
    const cb = codeFrom(
      clover.authorize({ appId: app.id, merchantId: merchant.id, redirectUri: 'https://app.example/cb', state: 's1' }),
    );
    expect(cb).toMatchObject({ merchant_id: merchant.id, client_id: app.id, state: 's1' });
    expect(cb.employee_id).toMatch(/^[A-Z0-9]{13}$/);
    const r = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, client_secret: app.secret, code: cb.code },
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual([
      'access_token',
      'access_token_expiration',
      'refresh_token',
      'refresh_token_expiration',
    ]);
    expect(r.json.access_token_expiration).toBe(Math.floor((T0 + 30 * 60_000) / 1000));
    expect(r.json.refresh_token_expiration).toBe(Math.floor((T0 + 365 * 86_400_000) / 1000));
    const m = await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: r.json.access_token });
    expect(m.status).toBe(200);
    expect(m.json.name).toBe('Corner Cafe');
  });

  it('no_refresh_token=true returns only the access token', async () => {
    const { app, merchant, sb } = sandboxApp();
    const { code } = codeFrom(
      clover.authorize({ appId: app.id, merchantId: merchant.id, redirectUri: 'https://a.example/cb' }),
    );
    const r = await call(sb, 'POST', '/oauth/v2/token?no_refresh_token=true', {
      body: { client_id: app.id, client_secret: app.secret, code },
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['access_token', 'access_token_expiration']);
  });

  it('codes are single-use; a replayed code also revokes what it issued', async () => {
    const { app, merchant, sb } = sandboxApp();
    const { code } = codeFrom(
      clover.authorize({ appId: app.id, merchantId: merchant.id, redirectUri: 'https://a.example/cb' }),
    );
    const body = { client_id: app.id, client_secret: app.secret, code };
    const first = await call(sb, 'POST', '/oauth/v2/token', { body });
    expect(first.status).toBe(200);
    expect((await call(sb, 'POST', '/oauth/v2/token', { body })).status).toBe(401);
    expect(clover.inspect.credentialStatus(first.json.access_token)).toBe('revoked');
    expect((await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: first.json.access_token })).status).toBe(
      401,
    );
  });

  it('codes expire (emulator clock); high-trust codes need the secret; bad bodies are 400 + param', async () => {
    const { app, merchant, sb } = sandboxApp();
    const code = () =>
      codeFrom(clover.authorize({ appId: app.id, merchantId: merchant.id, redirectUri: 'https://a.example/cb' })).code;
    const c1 = code();
    expect((await call(sb, 'POST', '/oauth/v2/token', { body: { client_id: app.id, code: c1 } })).status).toBe(401);
    expect(
      (await call(sb, 'POST', '/oauth/v2/token', { body: { client_id: app.id, client_secret: 'nope', code: c1 } }))
        .status,
    ).toBe(401);
    clover.advance(5 * 60_000);
    expect(
      (await call(sb, 'POST', '/oauth/v2/token', { body: { client_id: app.id, client_secret: app.secret, code: c1 } }))
        .status,
    ).toBe(401);

    const missing = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, client_secret: app.secret },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.param).toBe('code');
    const extra = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, code: code(), grant_type: 'authorization_code' },
    });
    expect(extra).toMatchObject({ status: 400, json: { param: 'grant_type' } });
    const notJson = await call(sb, 'POST', '/oauth/v2/token', {
      body: 'client_id=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(400);
  });

  it('an app is unknown to the other environment: 401 there', async () => {
    const { app, merchant } = sandboxApp();
    const { code } = codeFrom(
      clover.authorize({ appId: app.id, merchantId: merchant.id, redirectUri: 'https://a.example/cb' }),
    );
    const body = { client_id: app.id, client_secret: app.secret, code };
    expect((await call(clover.urls.production, 'POST', '/oauth/v2/token', { body })).status).toBe(401);
    expect((await call(clover.urls.sandbox, 'POST', '/oauth/v2/token', { body })).status).toBe(200);
  });
});

describe('PKCE (low-trust)', () => {
  it('accepts the right verifier without a secret and refuses a wrong one', async () => {
    const { app, merchant, sb } = sandboxApp();
    const { verifier, challenge } = pkce();
    const { code } = codeFrom(
      clover.authorize({
        appId: app.id,
        merchantId: merchant.id,
        redirectUri: 'http://127.0.0.1:1/cb',
        codeChallenge: challenge,
      }),
    );
    const wrong = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, code, code_verifier: pkce().verifier },
    });
    expect(wrong.status).toBe(401);
    const noVerifier = await call(sb, 'POST', '/oauth/v2/token', { body: { client_id: app.id, code } });
    expect(noVerifier.status).toBe(401);
    const short = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, code, code_verifier: 'abc' },
    });
    expect(short).toMatchObject({ status: 400, json: { param: 'code_verifier' } });
    const right = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, code, code_verifier: verifier },
    });
    expect(right.status).toBe(200);
    expect(right.json.refresh_token).toEqual(expect.any(String));
  });

  it('serves an authorize page whose Allow form redirects with code, merchant_id, employee_id, state', async () => {
    const { app, merchant, sb } = sandboxApp(['http://127.0.0.1/callback']);
    const { verifier, challenge } = pkce();
    const q = new URLSearchParams({
      client_id: app.id,
      redirect_uri: 'http://127.0.0.1:4567/callback', // loopback: any port
      state: 'st-42',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await call(sb, 'GET', `/oauth/v2/authorize?${q}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('Corner Cafe');
    const form = Object.fromEntries(
      [...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(form).toMatchObject({ client_id: app.id, merchant_id: merchant.id, code_challenge: challenge });
    const allow = await call(sb, 'POST', '/oauth/v2/authorize', { form: { ...form, decision: 'allow' } });
    expect(allow.status).toBe(302);
    const loc = new URL(allow.headers.get('location')!);
    expect(`${loc.origin}${loc.pathname}`).toBe('http://127.0.0.1:4567/callback');
    const cb = Object.fromEntries(loc.searchParams);
    expect(cb).toMatchObject({
      merchant_id: merchant.id,
      client_id: app.id,
      state: 'st-42',
      employee_id: expect.stringMatching(/^[A-Z0-9]{13}$/),
    });
    const r = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, code: cb.code, code_verifier: verifier },
    });
    expect(r.status).toBe(200);
  });

  it('refuses plain challenges and unregistered redirect URIs', async () => {
    const cbUri = 'https://app.example/cb';
    const { app, sb } = sandboxApp([cbUri]);
    const q = (o: Record<string, string>) => new URLSearchParams({ client_id: app.id, ...o }).toString();
    const plain = await call(
      sb,
      'GET',
      `/oauth/v2/authorize?${q({ redirect_uri: cbUri, code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' })}`,
    );
    expect(plain.status).toBe(400);
    const elsewhere = await call(sb, 'GET', `/oauth/v2/authorize?${q({ redirect_uri: 'https://evil.example/cb' })}`);
    expect(elsewhere.status).toBe(400);
    const ok = await call(sb, 'GET', `/oauth/v2/authorize?${q({ redirect_uri: cbUri })}`);
    expect(ok.status).toBe(200);
  });
});

describe('authorize page merchant', () => {
  it('signs in as the merchant chosen with seed.authorizeAs (default: the first one)', async () => {
    const { app, sb } = sandboxApp();
    const second = clover.seed.merchant({ name: 'Second Shop' });
    const page = () =>
      call(sb, 'GET', `/oauth/v2/authorize?client_id=${app.id}&redirect_uri=https%3A%2F%2Fa.example%2Fcb`).then(
        (r) => r.text,
      );
    expect(await page()).toContain('Corner Cafe');
    clover.seed.authorizeAs('sandbox', second.id);
    expect(await page()).toContain('Second Shop');
    const prodPage = await call(clover.urls.production, 'GET', `/oauth/v2/authorize?client_id=${app.id}`);
    expect(prodPage.status).toBe(400); // a sandbox app does not exist on the production listener
  });
});

describe('refresh', () => {
  it('rotates the pair; a refresh token works once', async () => {
    const { app, merchant, tokens } = clover.seed.connectedMerchant();
    const sb = clover.urls.sandbox;
    const r1 = await call(sb, 'POST', '/oauth/v2/refresh', {
      body: { client_id: app.id, refresh_token: tokens.refresh_token },
    });
    expect(r1.status).toBe(200);
    expect(Object.keys(r1.json).sort()).toEqual([
      'access_token',
      'access_token_expiration',
      'refresh_token',
      'refresh_token_expiration',
    ]);
    expect(r1.json.refresh_token).not.toBe(tokens.refresh_token);
    const again = await call(sb, 'POST', '/oauth/v2/refresh', {
      body: { client_id: app.id, refresh_token: tokens.refresh_token },
    });
    expect(again.status).toBe(401);
    expect(clover.inspect.credentialStatus(tokens.refreshTokenId)).toBe('used');
    const r2 = await call(sb, 'POST', '/oauth/v2/refresh', {
      body: { client_id: app.id, refresh_token: r1.json.refresh_token },
    });
    expect(r2.status).toBe(200);
    expect((await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: r2.json.access_token })).status).toBe(200);
    expect(clover.inspect.refreshCalls()).toBe(3);
    const wrongApp = await call(sb, 'POST', '/oauth/v2/refresh', {
      body: { client_id: clover.seed.app().id, refresh_token: r2.json.refresh_token },
    });
    expect(wrongApp.status).toBe(401);
    const noClient = await call(sb, 'POST', '/oauth/v2/refresh', { body: { refresh_token: r2.json.refresh_token } });
    expect(noClient).toMatchObject({ status: 400, json: { param: 'client_id' } });
  });

  it('caps active refresh tokens per app+merchant: the oldest silently stops working', async () => {
    const { app, merchant, tokens: first } = clover.seed.connectedMerchant();
    const later = [1, 2, 3].map(() => clover.seed.v2Tokens({ appId: app.id, merchantId: merchant.id }));
    expect(clover.inspect.activeRefreshTokens(app.id, merchant.id)).toBe(3);
    expect(clover.inspect.credentialStatus(first.refreshTokenId)).toBe('evicted');
    const sb = clover.urls.sandbox;
    expect(
      (await call(sb, 'POST', '/oauth/v2/refresh', { body: { client_id: app.id, refresh_token: first.refresh_token } }))
        .status,
    ).toBe(401);
    const newest = later[2]!;
    expect(
      (
        await call(sb, 'POST', '/oauth/v2/refresh', {
          body: { client_id: app.id, refresh_token: newest.refresh_token },
        })
      ).status,
    ).toBe(200);
  });

  it('tokens expire by the emulator clock; token length is not fixed', async () => {
    const { app, merchant, tokens } = clover.seed.connectedMerchant();
    const sb = clover.urls.sandbox;
    clover.advance(30 * 60_000);
    expect((await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: tokens.access_token })).status).toBe(401);
    expect(clover.inspect.credentialStatus(tokens.accessTokenId)).toBe('expired');
    clover.advance(365 * 86_400_000);
    expect(
      (
        await call(sb, 'POST', '/oauth/v2/refresh', {
          body: { client_id: app.id, refresh_token: tokens.refresh_token },
        })
      ).status,
    ).toBe(401);
    const lengths = new Set(
      Array.from(
        { length: 12 },
        () => clover.seed.v2Tokens({ appId: app.id, merchantId: merchant.id }).access_token.length,
      ),
    );
    expect(lengths.size).toBeGreaterThan(1);
  });
});

describe('legacy token migration', () => {
  it('migrate_v2 gives a code (expiration in s) that PKCE turns into a pair; legacy token stops working', async () => {
    const { app, merchant } = sandboxApp();
    clover.seed.install({ appId: app.id, merchantId: merchant.id });
    const legacy = clover.seed.legacyToken({ appId: app.id, merchantId: merchant.id });
    expect(legacy.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const sb = clover.urls.sandbox;
    expect((await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: legacy.value })).status).toBe(200);
    const { verifier, challenge } = pkce();
    const bad = await call(sb, 'POST', '/oauth/token/migrate_v2', {
      body: {
        merchant_uuid: merchant.id,
        app_uuid: clover.seed.app().id,
        auth_token: legacy.value,
        code_challenge: challenge,
      },
    });
    expect(bad.status).toBe(401);
    const m = await call(sb, 'POST', '/oauth/token/migrate_v2', {
      body: { merchant_uuid: merchant.id, app_uuid: app.id, auth_token: legacy.value, code_challenge: challenge },
    });
    expect(m.status).toBe(200);
    expect(m.json.expiration).toBe(Math.floor((T0 + 5 * 60_000) / 1000));
    const t = await call(sb, 'POST', '/oauth/v2/token', {
      body: { client_id: app.id, code: m.json.authorization_code, code_verifier: verifier },
    });
    expect(t.status).toBe(200);
    expect((await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: t.json.access_token })).status).toBe(200);
    expect((await call(sb, 'GET', `/v3/merchants/${merchant.id}`, { token: legacy.value })).status).toBe(401);
  });
});
