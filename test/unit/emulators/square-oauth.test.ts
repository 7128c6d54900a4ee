// Token status, OAuth code and PKCE flows, refresh and revoke on the local Square, over real HTTP.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  allScopes,
  s256,
  seedBasicWorld,
  startSquareEmulator,
  type BasicWorld,
  type SquareEmulator,
} from '../../emulators/square';
import { call, errorCode, expectNoViolations } from './square-http';

const DAY = 86_400_000;
let sq: SquareEmulator;
let sb: BasicWorld;
let prod: BasicWorld;

beforeAll(async () => {
  sq = await startSquareEmulator();
  sb = seedBasicWorld(sq, 'sandbox');
  prod = seedBasicWorld(sq, 'production');
});
afterAll(() => sq.close());
afterEach(() => expectNoViolations(sq));

const status = (token: string, env: 'sandbox' | 'production' = 'sandbox') =>
  call(sq.urls[env], 'POST', '/oauth2/token/status', { token });
const token = (body: Record<string, unknown>, env: 'sandbox' | 'production' = 'sandbox') =>
  call(sq.urls[env], 'POST', '/oauth2/token', { body });
const verifier = () => randomBytes(32).toString('base64url');
const codeFrom = (redirect: string) => new URL(redirect).searchParams.get('code') ?? '';
const UNAUTHORIZED = {
  errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail: 'This request could not be authorized.' }],
};

describe('POST /oauth2/token/status', () => {
  it('personal token: all scopes, no expiry, client and merchant ids', async () => {
    const r = await status(sb.personalToken);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ scopes: allScopes(), client_id: sb.app.id, merchant_id: sb.merchant.id });
    expect(r.body.scopes).toContain('PAYMENTS_WRITE');
  });

  it('personal token with the "empty" reading of expires_at', async () => {
    const other = await startSquareEmulator({ personalTokenExpiresAt: 'empty-string' });
    try {
      const w = seedBasicWorld(other, 'sandbox');
      const r = await call(other.urls.sandbox, 'POST', '/oauth2/token/status', { token: w.personalToken });
      expect(r.body.expires_at).toBe('');
      expectNoViolations(other);
    } finally {
      await other.close();
    }
  });

  it('OAuth token: granted scopes and expires_at 30 days out (whole seconds)', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ', 'MERCHANT_PROFILE_READ'],
    });
    const r = await status(t.accessToken);
    expect(r.body).toEqual({
      scopes: ['PAYMENTS_READ', 'MERCHANT_PROFILE_READ'],
      expires_at: t.expiresAt,
      client_id: sb.app.id,
      merchant_id: sb.merchant.id,
    });
    expect(Date.parse(t.expiresAt) - sq.now()).toBeGreaterThan(30 * DAY - 2000);
    expect(Date.parse(t.expiresAt) - sq.now()).toBeLessThanOrEqual(30 * DAY);
  });

  it('expired token: UNAUTHORIZED here, ACCESS_TOKEN_EXPIRED elsewhere (no sleeping: the clock moves)', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    expect((await status(t.accessToken)).status).toBe(200);
    sq.advance(30 * DAY);
    const r = await status(t.accessToken);
    expect(r.status).toBe(401);
    expect(r.body).toEqual(UNAUTHORIZED);
    const loc = await call(sq.urls.sandbox, 'GET', '/v2/locations', { token: t.accessToken });
    expect([loc.status, errorCode(loc)]).toEqual([401, 'ACCESS_TOKEN_EXPIRED']);
    expect(sq.tokenState(t.accessToken)).toBe('expired');
    expect((await status(sb.personalToken)).status).toBe(200); // personal tokens never expire
  });

  it("a token is unknown on the other environment's listener (environments are isolated)", async () => {
    const oauth = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    for (const t of [sb.personalToken, oauth.accessToken]) {
      const r = await status(t, 'production');
      expect([r.status, r.body]).toEqual([401, UNAUTHORIZED]);
    }
    expect((await status(prod.personalToken, 'production')).status).toBe(200);
    expect((await status(prod.personalToken, 'sandbox')).status).toBe(401);
  });

  it('revoked or made-up tokens: UNAUTHORIZED here, ACCESS_TOKEN_REVOKED elsewhere', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    sq.revoke({ accessToken: t.accessToken, onlyAccessToken: true });
    expect((await status(t.accessToken)).body).toEqual(UNAUTHORIZED);
    expect(errorCode(await call(sq.urls.sandbox, 'GET', '/v2/merchants/me', { token: t.accessToken }))).toBe(
      'ACCESS_TOKEN_REVOKED',
    );
    expect((await status(`EAAA${'x'.repeat(60)}`)).status).toBe(401);
  });
});

describe('code flow', () => {
  it('authorize -> code -> token with the secret; the code is single-use', async () => {
    const redirect = sq.authorize({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      state: 'st-1',
      scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_WRITE'],
    });
    const url = new URL(redirect);
    expect(url.origin + url.pathname).toBe('https://app.example.test/square/callback');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('st-1');
    expect(codeFrom(redirect)).toMatch(/^sq0cgb-/);
    const body = {
      client_id: sb.app.id,
      client_secret: sb.app.secret,
      code: codeFrom(redirect),
      grant_type: 'authorization_code',
    };
    const r = await token(body);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([
      'access_token',
      'expires_at',
      'merchant_id',
      'refresh_token',
      'short_lived',
      'token_type',
    ]);
    expect(r.body).toMatchObject({ token_type: 'bearer', merchant_id: sb.merchant.id, short_lived: false });
    expect(r.body.access_token).toMatch(/^EAAA[\w-]{60}$/);
    expect(r.body.refresh_token).toMatch(/^EQAA/);
    expect((await status(r.body.access_token)).body.scopes).toEqual(['MERCHANT_PROFILE_READ', 'PAYMENTS_WRITE']);
    expect((await token(body)).status).toBe(401);
  });

  it('refuses a wrong or missing secret, a code_verifier, an expired code and a foreign client', async () => {
    const code = () => codeFrom(sq.authorize({ applicationId: sb.app.id, merchantId: sb.merchant.id }));
    const base = { client_id: sb.app.id, grant_type: 'authorization_code' };
    expect((await token({ ...base, code: code(), client_secret: `${sb.app.secret}x` })).status).toBe(401);
    expect(errorCode(await token({ ...base, code: code() }))).toBe('MISSING_REQUIRED_PARAMETER');
    expect(
      errorCode(await token({ ...base, code: code(), client_secret: sb.app.secret, code_verifier: verifier() })),
    ).toBe('INVALID_VALUE');
    const late = code();
    sq.advance(5 * 60_000);
    expect((await token({ ...base, code: late, client_secret: sb.app.secret })).status).toBe(401);
    expect(
      (await token({ ...base, code: code(), client_id: prod.app.id, client_secret: prod.app.secret })).status,
    ).toBe(401);
    expect(errorCode(await token({ ...base, grant_type: 'migration_token', migration_token: 'sq0atp-x' }))).toBe(
      'INVALID_VALUE',
    );
  });

  it('short_lived gives a 24 h access token', async () => {
    const code = codeFrom(sq.authorize({ applicationId: sb.app.id, merchantId: sb.merchant.id }));
    const r = await token({
      client_id: sb.app.id,
      client_secret: sb.app.secret,
      code,
      grant_type: 'authorization_code',
      short_lived: true,
    });
    expect(r.body.short_lived).toBe(true);
    expect(Date.parse(r.body.expires_at) - sq.now()).toBeLessThanOrEqual(DAY);
    expect(Date.parse(r.body.expires_at) - sq.now()).toBeGreaterThan(DAY - 2000);
  });

  it('refresh: needs the secret, returns the same refresh token, reusable, never expires', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ'],
    });
    const body = { client_id: sb.app.id, grant_type: 'refresh_token', refresh_token: t.refreshToken };
    expect(errorCode(await token(body))).toBe('MISSING_REQUIRED_PARAMETER');
    const first = await token({ ...body, client_secret: sb.app.secret });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toBe(t.refreshToken);
    expect(first.body.refresh_token_expires_at).toBeUndefined();
    sq.advance(400 * DAY);
    const second = await token({ ...body, client_secret: sb.app.secret });
    expect([second.status, second.body.refresh_token]).toEqual([200, t.refreshToken]);
    expect(second.body.access_token).not.toBe(first.body.access_token);
    expect(sq.tokenState(t.refreshToken)).toBe('active');
  });

  it('refresh may narrow the scopes, never widen them', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ'],
    });
    const body = {
      client_id: sb.app.id,
      client_secret: sb.app.secret,
      grant_type: 'refresh_token',
      refresh_token: t.refreshToken,
    };
    const narrowed = await token({ ...body, scopes: ['PAYMENTS_READ'] });
    expect((await status(narrowed.body.access_token)).body.scopes).toEqual(['PAYMENTS_READ']);
    const widened = await token({ ...body, scopes: ['PAYMENTS_READ', 'PAYMENTS_WRITE'] });
    expect([widened.status, errorCode(widened), widened.body.errors[0].field]).toEqual([
      400,
      'INVALID_VALUE',
      'scopes',
    ]);
    // the authorization itself keeps both scopes
    expect((await status((await token(body)).body.access_token)).body.scopes).toEqual([
      'MERCHANT_PROFILE_READ',
      'PAYMENTS_READ',
    ]);
  });
});

describe('PKCE flow', () => {
  function pkceCode(v: string): string {
    return codeFrom(
      sq.authorize({
        applicationId: sb.app.id,
        merchantId: sb.merchant.id,
        codeChallenge: s256(v),
        codeChallengeMethod: 'S256',
        scopes: ['MERCHANT_PROFILE_READ'],
      }),
    );
  }

  it('exchanges with code_verifier and no secret; refresh token valid 90 days', async () => {
    const v = verifier();
    const r = await token({
      client_id: sb.app.id,
      code: pkceCode(v),
      code_verifier: v,
      grant_type: 'authorization_code',
    });
    expect(r.status).toBe(200);
    expect(Date.parse(r.body.refresh_token_expires_at) - sq.now()).toBeGreaterThan(90 * DAY - 2000);
    expect(Date.parse(r.body.refresh_token_expires_at) - sq.now()).toBeLessThanOrEqual(90 * DAY);
  });

  it('refuses a wrong or missing verifier and a client_secret', async () => {
    const base = { client_id: sb.app.id, grant_type: 'authorization_code' };
    const v = verifier();
    expect(errorCode(await token({ ...base, code: pkceCode(v), code_verifier: verifier() }))).toBe('INVALID_VALUE');
    expect(errorCode(await token({ ...base, code: pkceCode(v) }))).toBe('MISSING_REQUIRED_PARAMETER');
    const withSecret = await token({ ...base, code: pkceCode(v), code_verifier: v, client_secret: sb.app.secret });
    expect([withSecret.status, withSecret.body.errors[0].field]).toEqual([400, 'client_secret']);
  });

  it('refresh: single-use, a new refresh token each time, the replaced access token revoked', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const body = { client_id: sb.app.id, grant_type: 'refresh_token', refresh_token: t.refreshToken };
    const first = await token(body);
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(t.refreshToken);
    expect(first.body.refresh_token_expires_at).toBeDefined();
    expect(sq.tokenState(t.refreshToken)).toBe('used');
    expect(sq.tokenState(t.accessToken)).toBe('revoked');
    const again = await token(body);
    expect([again.status, errorCode(again)]).toEqual([401, 'UNAUTHORIZED']);
    const next = await token({ ...body, refresh_token: first.body.refresh_token });
    expect(next.status).toBe(200);
    expect(
      errorCode(await token({ ...body, refresh_token: next.body.refresh_token, client_secret: sb.app.secret })),
    ).toBe('INVALID_VALUE');
  });

  it('a PKCE refresh token expires after 90 days', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    sq.advance(90 * DAY);
    const r = await token({ client_id: sb.app.id, grant_type: 'refresh_token', refresh_token: t.refreshToken });
    expect(r.status).toBe(401);
  });

  it('records refresh calls without any token value', async () => {
    sq.resetObservations();
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const body = { client_id: sb.app.id, grant_type: 'refresh_token', refresh_token: t.refreshToken };
    await token(body);
    await token(body);
    const calls = sq.refreshCalls();
    expect(calls.map((c) => [c.flow, c.status, c.errorCode])).toEqual([
      ['pkce', 200, undefined],
      ['pkce', 401, 'UNAUTHORIZED'],
    ]);
    const observed = JSON.stringify([calls, sq.requests()]);
    expect(observed).not.toContain(t.refreshToken);
    expect(observed).not.toContain(t.accessToken);
  });

  it('a concurrent pair of refreshes with one PKCE token: exactly one wins', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const body = { client_id: sb.app.id, grant_type: 'refresh_token', refresh_token: t.refreshToken };
    const results = await Promise.all([token(body), token(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });
});

describe('the authorize page in a browser', () => {
  it('shows Allow / Deny and redirects with a code or access_denied', async () => {
    const v = verifier();
    const q = new URLSearchParams({
      client_id: sb.app.id,
      scope: 'MERCHANT_PROFILE_READ PAYMENTS_READ',
      state: 'xyz',
      code_challenge: s256(v),
    });
    const page = await call(sq.urls.sandbox, 'GET', `/oauth2/authorize?${q}`, { version: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('value="allow"');
    expect(page.text).toContain('value="deny"');
    expect(page.text).toContain(sb.merchant.id);
    const form = new URLSearchParams([...q.entries(), ['merchant_id', sb.merchant.id]]);
    const post = (decision: string) =>
      call(sq.urls.sandbox, 'POST', '/oauth2/authorize', {
        version: null,
        raw: `${form}&decision=${decision}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    const allow = await post('allow');
    expect(allow.status).toBe(302);
    const location = new URL(allow.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('xyz');
    const r = await token({
      client_id: sb.app.id,
      code: location.searchParams.get('code'),
      code_verifier: v,
      grant_type: 'authorization_code',
    });
    expect(r.status).toBe(200);
    const deny = new URL((await post('deny')).headers.get('location') ?? '');
    expect(Object.fromEntries(deny.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'user_denied',
      state: 'xyz',
    });
  });

  it('refuses an unknown client, an unregistered redirect_uri and a plain PKCE challenge', async () => {
    const page = await call(sq.urls.production, 'GET', `/oauth2/authorize?client_id=${sb.app.id}`, { version: null });
    expect(page.status).toBe(400);
    const base = { applicationId: sb.app.id, merchantId: sb.merchant.id };
    expect(() => sq.authorize({ ...base, redirectUri: 'https://evil.example/cb' })).toThrow(/redirect_uri/);
    expect(() => sq.authorize({ ...base, codeChallenge: 'x'.repeat(43), codeChallengeMethod: 'plain' })).toThrow(
      /S256/,
    );
    expect(() => sq.authorize({ ...base, scopes: ['NOT_A_SCOPE'] })).toThrow(/scope/);
  });

  it('registers an http loopback Redirect URL only when the option allows it', async () => {
    expect(() => sq.createApplication({ environment: 'sandbox', redirectUri: 'http://127.0.0.1:5000/cb' })).toThrow(
      /https/,
    );
    const loose = await startSquareEmulator({ oauthRedirects: 'allow-http-loopback' });
    try {
      expect(loose.createApplication({ environment: 'sandbox', redirectUri: 'http://127.0.0.1:5000/cb' }).id).toMatch(
        /^sandbox-sq0idb-/,
      );
      expect(() => loose.createApplication({ environment: 'sandbox', redirectUri: 'http://example.com/cb' })).toThrow(
        /https/,
      );
    } finally {
      await loose.close();
    }
  });
});

describe('POST /oauth2/revoke', () => {
  const revoke = (body: Record<string, unknown>, secret = sb.app.secret) =>
    call(sq.urls.sandbox, 'POST', '/oauth2/revoke', { authorization: `Client ${secret}`, body });

  it("by access token: revokes ALL of the app's tokens for that merchant, nobody else's", async () => {
    const a = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const b = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const otherApp = sq.createApplication({ environment: 'sandbox' });
    const c = sq.issueOAuth({
      applicationId: otherApp.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const otherSeller = sq.createMerchant({ environment: 'sandbox' });
    const d = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: otherSeller.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const r = await revoke({ client_id: sb.app.id, access_token: a.accessToken });
    expect([r.status, r.body]).toEqual([200, { success: true }]);
    expect([a.accessToken, a.refreshToken, b.accessToken, b.refreshToken].map((t) => sq.tokenState(t))).toEqual([
      'revoked',
      'revoked',
      'revoked',
      'revoked',
    ]);
    expect([c.accessToken, d.accessToken, sb.personalToken].map((t) => sq.tokenState(t))).toEqual([
      'active',
      'active',
      'active',
    ]);
  });

  it('revoke_only_access_token keeps the authorization: the refresh token still works', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const r = await revoke({ client_id: sb.app.id, access_token: t.accessToken, revoke_only_access_token: true });
    expect(r.body).toEqual({ success: true });
    expect([sq.tokenState(t.accessToken), sq.tokenState(t.refreshToken)]).toEqual(['revoked', 'active']);
    const refreshed = await token({
      client_id: sb.app.id,
      client_secret: sb.app.secret,
      grant_type: 'refresh_token',
      refresh_token: t.refreshToken,
    });
    expect(refreshed.status).toBe(200);
  });

  it('by merchant_id; never both; needs the right Client secret', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    expect(
      errorCode(await revoke({ client_id: sb.app.id, access_token: t.accessToken, merchant_id: sb.merchant.id })),
    ).toBe('CONFLICTING_PARAMETERS');
    expect(errorCode(await revoke({ client_id: sb.app.id }))).toBe('MISSING_REQUIRED_PARAMETER');
    expect((await revoke({ client_id: sb.app.id, merchant_id: sb.merchant.id }, `${sb.app.secret}x`)).status).toBe(401);
    expect(sq.tokenState(t.accessToken)).toBe('active');
    expect((await revoke({ client_id: sb.app.id, merchant_id: sb.merchant.id })).body).toEqual({ success: true });
    expect(sq.tokenState(t.refreshToken)).toBe('revoked');
    expect((await revoke({ client_id: sb.app.id, access_token: sb.personalToken })).status).toBe(404);
  });

  it('a Bearer header is a contract violation and 401, like Square', async () => {
    const r = await call(sq.urls.sandbox, 'POST', '/oauth2/revoke', {
      token: sb.personalToken,
      body: { client_id: sb.app.id, merchant_id: sb.merchant.id },
    });
    expect([r.status, errorCode(r)]).toEqual([401, 'UNAUTHORIZED']);
    expect(sq.contractViolations().map((v) => v.violations[0]?.keyword)).toEqual(['security']);
    sq.resetObservations();
  });
});

describe('issuedSecrets()', () => {
  it('lists every token, code and application secret issued, including ones a refresh replaced', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['PAYMENTS_READ'],
    });
    const refreshed = await token({ client_id: sb.app.id, grant_type: 'refresh_token', refresh_token: t.refreshToken });
    const code = codeFrom(sq.authorize({ applicationId: sb.app.id, merchantId: sb.merchant.id }));
    const all = sq.issuedSecrets();
    for (const v of [
      t.accessToken,
      t.refreshToken,
      refreshed.body.access_token,
      refreshed.body.refresh_token,
      code,
      sb.app.secret,
      prod.app.secret,
      sb.personalToken,
    ]) {
      expect(all).toContain(v);
    }
    expect(all).not.toContain(sb.app.id); // application IDs are public
  });
});
