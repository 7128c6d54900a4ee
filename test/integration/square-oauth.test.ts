// Square's OAuth channels through createCore(...).invoke against the local Square: revoke (all of
// the app's tokens for the merchant, or only the access token; preview for the confirmation) and
// connect (PKCE in a browser that walks the stand-in's authorize page, answer on a loopback
// listener in main, state checked, code exchanged without a secret, the pair saved linked).
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoSecretOnDisk,
  fakeBrowser,
  keychainValue,
  seedCredentials,
  seedPair,
  startSquare,
  type SquareFixture,
} from '../helpers/square';

let fx: SquareFixture;

beforeAll(async () => {
  fx = await startSquare();
});
beforeEach(() => {
  fx.sq.faults.clear();
  fx.sq.resetObservations();
});
afterAll(async () => {
  expect(fx.sq.contractViolations()).toEqual([]);
  await expectNoSecretOnDisk(fx);
  await fx.close();
});

const views = async () => (await fx.f.call('credentials.list', {})).items;

describe('revoke', () => {
  it('preview, then only the access token: the authorization and its refresh token stay', async () => {
    const pair = await seedPair(fx, { flow: 'code', withSecret: true });
    const preview = await fx.f.call('square.revokePreview', { id: pair.accessId });
    expect(preview).toMatchObject({
      accessCredentialId: pair.accessId,
      refreshCredentialId: pair.refreshId,
      canRevoke: true,
      whyNot: null,
      environment: 'sandbox',
      appId: fx.sandbox.app.id,
    });
    expect(preview.revokeAllWarning).toMatch(
      /EVERY OAuth token application .* holds for merchant .* including any used by other programs/,
    );
    expect(preview.onlyAccessNote).toMatch(/its refresh token stay/);
    const r = await fx.f.call('square.revoke', { id: pair.accessId, onlyAccessToken: true });
    expect(r).toMatchObject({ revoked: 'access_token_only', credentialIds: [pair.accessId], alsoAffectedIds: [] });
    expect(fx.sq.tokenState(pair.issued.accessToken)).toBe('revoked');
    expect(fx.sq.tokenState(pair.issued.refreshToken)).toBe('active');
    const after = await views();
    expect(after.find((c) => c.id === pair.accessId)?.verdict).toBe('invalid');
    expect(after.find((c) => c.id === pair.refreshId)?.verdict).toBeNull();
    expect(fx.sq.requests()).toMatchObject([{ operationId: 'RevokeToken', status: 200 }]);
    // The authorization still stands: the pair refreshes to a working access token.
    await fx.f.call('credentials.refresh', { id: pair.accessId });
    expect(await fx.f.call('credentials.inspect', { id: pair.accessId })).toMatchObject({ verdict: 'valid' });
  });

  it('all: every token of the app for that merchant ends, including another saved pair', async () => {
    const pair = await seedPair(fx, { flow: 'code', withSecret: true });
    const other = await seedPair(fx, { flow: 'pkce' });
    const preview = await fx.f.call('square.revokePreview', { id: pair.refreshId });
    expect(preview.otherCredentialIds).toEqual(expect.arrayContaining([other.accessId, other.refreshId]));
    const r = await fx.f.call('square.revoke', { id: pair.refreshId, onlyAccessToken: false });
    expect(r.revoked).toBe('all_tokens_for_merchant');
    expect(r.credentialIds).toEqual([pair.accessId, pair.refreshId]);
    expect(r.alsoAffectedIds).toEqual(expect.arrayContaining([other.accessId, other.refreshId]));
    expect(r.message).toMatch(/every token of this application for this merchant/);
    for (const t of [
      pair.issued.accessToken,
      pair.issued.refreshToken,
      other.issued.accessToken,
      other.issued.refreshToken,
    ]) {
      expect(fx.sq.tokenState(t)).toBe('revoked');
    }
    const after = await views();
    expect(after.filter((c) => [pair.accessId, pair.refreshId].includes(c.id)).map((c) => c.verdict)).toEqual([
      'invalid',
      'invalid',
    ]);
    expect(await fx.f.call('credentials.inspect', { id: other.accessId })).toMatchObject({ verdict: 'invalid' });
  });

  it('without the application secret: the preview says why, and nothing is sent', async () => {
    const app = fx.sq.createApplication({ environment: 'sandbox' });
    const issued = fx.sq.issueOAuth({
      applicationId: app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ'],
    });
    const [accessId] = await seedCredentials(fx.f, [
      {
        kind: 'access_token',
        value: issued.accessToken,
        environment: 'sandbox',
        appId: app.id,
        merchantId: fx.sandbox.merchant.id,
      },
    ]);
    const preview = await fx.f.call('square.revokePreview', { id: accessId! });
    expect(preview).toMatchObject({ canRevoke: false, whyNot: expect.stringMatching(/needs the application secret/) });
    expect(await fx.f.raw('square.revoke', { id: accessId!, onlyAccessToken: false })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    expect(fx.sq.requests()).toEqual([]);
    expect(fx.sq.tokenState(issued.accessToken)).toBe('active');
  });

  it('a personal token: Square has nothing to revoke, said plainly', async () => {
    const [accessId] = await seedCredentials(fx.f, [
      {
        kind: 'access_token',
        value: fx.sandbox.personalToken,
        environment: 'sandbox',
        appId: fx.sandbox.app.id,
        merchantId: fx.sandbox.merchant.id,
      },
    ]);
    const r = await fx.f.raw('square.revoke', { id: accessId!, onlyAccessToken: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_ERROR', hint: expect.stringMatching(/Personal access tokens cannot be revoked here/) },
    });
    expect(fx.sq.tokenState(fx.sandbox.personalToken)).toBe('active');
  });

  it('a credential that is not a token: refused', async () => {
    const [appCred] = await seedCredentials(fx.f, [
      { kind: 'application_id', value: fx.sandbox.app.id, environment: 'sandbox' },
    ]);
    expect(await fx.f.raw('square.revokePreview', { id: appCred! })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
  });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A sandbox app whose registered Redirect URL is our loopback callback on `port`, saved here. */
async function appForConnect(port: number): Promise<{ appId: string; credId: string }> {
  const app = fx.sq.createApplication({
    environment: 'sandbox',
    redirectUri: `http://127.0.0.1:${port}/square/callback`,
  });
  const [credId] = await seedCredentials(fx.f, [{ kind: 'application_id', value: app.id, environment: 'sandbox' }]);
  return { appId: app.id, credId: credId! };
}

describe('connect (OAuth + PKCE)', () => {
  it(
    "opens Square's authorize page, receives the code on 127.0.0.1, exchanges it without a secret, saves " +
      'the pair linked',
    async () => {
      const port = await freePort();
      const { appId, credId } = await appForConnect(port);
      const browser = fakeBrowser();
      await fx.f.restart({ openAuthorizeUrl: browser.openAuthorizeUrl });
      const r = await fx.f.call('square.connect', {
        environment: 'sandbox',
        applicationId: credId,
        redirectPort: port,
      });
      await browser.done();
      expect(browser.visit.landed).toBe(200);
      const url = new URL(browser.opened[0]!);
      expect(url.pathname).toBe('/oauth2/authorize');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        client_id: appId,
        scope: 'MERCHANT_PROFILE_READ PAYMENTS_READ PAYMENTS_WRITE',
        redirect_uri: `http://127.0.0.1:${port}/square/callback`,
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        state: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      });
      expect(r.redirectUri).toBe(`http://127.0.0.1:${port}/square/callback`);
      const [access, refresh] = r.credentials;
      expect(access).toMatchObject({
        provider: 'square',
        kind: 'access_token',
        environment: 'sandbox',
        status: 'active',
        source: 'oauth',
        parentId: credId,
        appId,
        merchantId: r.merchantId,
      });
      expect(refresh).toMatchObject({ kind: 'refresh_token', parentId: access!.id, source: 'oauth', status: 'active' });
      expect(Date.parse(refresh!.expiresAt!) - Date.now()).toBeGreaterThan(89 * 86_400_000);
      expect(fx.sq.tokenState((await keychainValue(fx.f, access!.id))!)).toBe('active');
      expect(fx.sq.requests().filter((q) => q.operationId === 'ObtainToken')).toMatchObject([{ status: 200 }]);
      // The listener took its one answer and closed.
      await expect(fetch(`http://127.0.0.1:${port}/square/callback`)).rejects.toThrow();
      // The new pair works: inspection, then a PKCE refresh (no secret exists for this app).
      expect(await fx.f.call('credentials.inspect', { id: access!.id })).toMatchObject({
        verdict: 'valid',
        scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'],
      });
      expect((await fx.f.call('credentials.refresh', { id: access!.id })).saved).toBe(true);
      expect(fx.sq.refreshCalls()).toMatchObject([{ flow: 'pkce', status: 200 }]);
    },
  );

  it('an answer with the wrong state is refused and nothing is saved', async () => {
    const port = await freePort();
    const { credId } = await appForConnect(port);
    const browser = fakeBrowser({ tamperState: true });
    await fx.f.restart({ openAuthorizeUrl: browser.openAuthorizeUrl });
    const before = (await views()).length;
    const r = await fx.f.raw('square.connect', { environment: 'sandbox', applicationId: credId, redirectPort: port });
    await browser.done();
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/state did not match/) },
    });
    expect(browser.visit.landed).toBe(400);
    expect((await views()).length).toBe(before);
    expect(fx.sq.requests().filter((q) => q.operationId === 'ObtainToken')).toEqual([]);
  });

  it('the seller denies: said plainly, nothing saved', async () => {
    const port = await freePort();
    const { credId } = await appForConnect(port);
    const browser = fakeBrowser({ decision: 'deny' });
    await fx.f.restart({ openAuthorizeUrl: browser.openAuthorizeUrl });
    const r = await fx.f.raw('square.connect', { environment: 'sandbox', applicationId: credId, redirectPort: port });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The seller did not allow access, so nothing was saved.' },
    });
  });

  it(
    'a Redirect URL that does not match (random port): Square never sends the seller back; a timeout says ' +
      'what to register',
    async () => {
      const { credId } = await appForConnect(await freePort());
      const browser = fakeBrowser();
      await fx.f.restart({ openAuthorizeUrl: browser.openAuthorizeUrl, timing: { oauthCallbackTimeoutMs: 400 } });
      const r = await fx.f.raw('square.connect', { environment: 'sandbox', applicationId: credId });
      await browser.done();
      expect(browser.visit.landed).toBe(400); // Square's page refused the redirect_uri
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'VENDOR_TIMEOUT',
          hint: expect.stringMatching(/must be exactly http:\/\/127\.0\.0\.1:\d+\/square\/callback/),
        },
      });
    },
  );

  it('cancel stops a connect waiting for the browser; only one connect at a time', async () => {
    const { credId } = await appForConnect(await freePort());
    const opened: string[] = [];
    await fx.f.restart({ openAuthorizeUrl: async (url) => void opened.push(url) });
    const waiting = fx.f.raw('square.connect', { environment: 'sandbox', applicationId: credId });
    await expect.poll(() => opened.length).toBe(1);
    expect(await fx.f.raw('square.connect', { environment: 'sandbox', applicationId: credId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already waiting/) },
    });
    expect(await fx.f.call('square.cancelConnect', {})).toEqual({ cancelled: true });
    expect(await waiting).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/cancelled/) },
    });
    expect(await fx.f.call('square.cancelConnect', {})).toEqual({ cancelled: false });
  });

  it('a production application ID is refused before any browser opens', async () => {
    const [credId] = await seedCredentials(fx.f, [
      { kind: 'application_id', value: fx.production.app.id, environment: 'production' },
    ]);
    const opened: string[] = [];
    await fx.f.restart({ openAuthorizeUrl: async (url) => void opened.push(url) });
    const r = await fx.f.raw('square.connect', { environment: 'sandbox', applicationId: credId! });
    expect(r).toMatchObject({ ok: false, error: { code: 'PRODUCTION_REFUSED' } });
    expect(opened).toEqual([]);
  });
});
