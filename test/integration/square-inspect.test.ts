// Inspecting Square credentials through createCore(...).invoke against the local Square and the
// private keychain: verdicts, environments, expiry and Square's refresh guidance, scope risks,
// untested kinds, failures (unreachable, rate limited, malformed), and bulk inspection with
// progress and cancel. Every request and answer is checked against Square's schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf } from '@shared/contract';
import { SQUARE_VERSION } from '../../src-main/providers/square/version';
import { expectNoSecretOnDisk, seedCredentials, seedPair, startSquare, type SquareFixture } from '../helpers/square';

let fx: SquareFixture;

async function importToken(
  value: string,
  environment: 'sandbox' | 'production' | null,
  kind: 'access_token' | 'refresh_token' | 'application_id' | 'application_secret' = 'access_token',
): Promise<string> {
  fx.f.clipboard.writeText(value);
  const { pending } = await fx.f.call('credentials.importFromClipboard', {});
  if (environment === null) return pending.credential.id;
  await fx.f.call('credentials.confirm', {
    id: pending.credential.id,
    provider: 'square',
    kind,
    environment,
    label: `t ${kind}`,
  });
  return pending.credential.id;
}

beforeAll(async () => {
  fx = await startSquare();
});
afterAll(async () => {
  expect(fx.sq.contractViolations()).toEqual([]);
  await expectNoSecretOnDisk(fx);
  await fx.close();
});

describe('access tokens', () => {
  it('a personal token: valid, never expires, business and locations, full-access risk, 3 requests', async () => {
    const id = await importToken(fx.sandbox.personalToken, 'sandbox');
    fx.sq.resetObservations();
    const r = await fx.f.call('credentials.inspect', { id });
    expect(r).toMatchObject({
      verdict: 'valid',
      environmentFound: 'sandbox',
      expiresAt: null,
      appId: fx.sandbox.app.id,
      requests: 3,
      merchant: { id: fx.sandbox.merchant.id, name: 'Apple A Day' },
    });
    expect(r.reason).toContain('never expires');
    expect(r.locations).toEqual(
      expect.arrayContaining([
        { id: fx.sandbox.merchant.mainLocationId, name: 'Main Street', canCharge: true, active: true },
        { id: fx.sandbox.noCardLocationId, name: 'Back Office', canCharge: false, active: true },
      ]),
    );
    expect(r.risks.map((x) => x.level)).toContain('danger');
    expect(r.risks.map((x) => x.text).join(' ')).toMatch(/Personal access token/);
    expect(r.risks.map((x) => x.text).join(' ')).toMatch(/CUSTOMERS_READ and PAYMENTS_WRITE/);
    // Square-Version pinned on every call; token status sent with no body (the contract checks it).
    const seen = fx.sq.requests();
    expect(seen.map((q) => q.operationId)).toEqual(
      expect.arrayContaining(['RetrieveTokenStatus', 'RetrieveMerchant', 'ListLocations']),
    );
    expect(seen.every((q) => q.squareVersion === SQUARE_VERSION)).toBe(true);
    const list = await fx.f.call('credentials.list', {});
    expect(list.items.find((c) => c.id === id)).toMatchObject({
      verdict: 'valid',
      merchantId: fx.sandbox.merchant.id,
      appId: fx.sandbox.app.id,
      locationId: fx.sandbox.merchant.mainLocationId,
      expiresAt: null,
    });
  });

  it('an OAuth token: days left, scope risks in plain words, the app and merchant learnt', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_WRITE', 'CUSTOMERS_READ', 'BANK_ACCOUNTS_READ', 'ORDERS_WRITE'],
    });
    const id = await importToken(issued.accessToken, 'sandbox');
    const r = await fx.f.call('credentials.inspect', { id });
    expect(r.verdict).toBe('valid');
    expect(r.expiresAt).toBe(new Date(issued.expiresAt).toISOString());
    expect(r.reason).toMatch(/OAuth access token for Apple A Day .*expires in (29|30) days/);
    expect(r.scopes).toEqual(expect.arrayContaining(['CUSTOMERS_READ', 'PAYMENTS_WRITE']));
    const texts = r.risks.map((x) => `${x.level}: ${x.text}`);
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^danger: With CUSTOMERS_READ and PAYMENTS_WRITE it can look a buyer up .*never leave a server/,
      ),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^warning: BANK_ACCOUNTS_READ/));
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^warning: 3 scopes beyond inspecting and test payments \(CUSTOMERS_READ, BANK_ACCOUNTS_READ, ORDERS_WRITE\)/,
      ),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^info: No refresh token is linked/));
    expect(r.nextStep).toBeNull();
  });

  it("an OAuth token older than 8 days: Square's refresh guidance as a risk and the next step", async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const id = await importToken(issued.accessToken, 'sandbox');
    await fx.f.restart({ clock: () => new Date(Date.now() + 10 * 86_400_000) });
    const r = await fx.f.call('credentials.inspect', { id });
    expect(r.verdict).toBe('valid');
    expect(r.risks[0]).toMatchObject({
      level: 'warning',
      text: expect.stringMatching(
        /Issued about 10 days ago: Square advises refreshing .* every 7 days or less .* older than 8 days/,
      ),
    });
    expect(r.nextStep).toMatch(/Refresh it/);
    expect(r.reason).toMatch(/expires in (19|20) days/);
    await fx.f.restart({ clock: () => new Date() });
  });

  it('a sandbox token saved as production: wrong_environment, found by asking the other host', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_WRITE'],
    });
    const id = await importToken(issued.accessToken, 'production');
    fx.sq.resetObservations();
    const r = await fx.f.call('credentials.inspect', { id });
    expect(r).toMatchObject({ verdict: 'wrong_environment', environmentFound: 'sandbox', requests: 2 });
    expect(r.nextStep).toBe('It is saved as production: change its environment to sandbox.');
    expect(fx.sq.requests().map((q) => `${q.environment} ${q.status}`)).toEqual(['production 401', 'sandbox 200']);
  });

  it('an unconfirmed token: the environment is found and the next step says to confirm it', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.production.app.id,
      merchantId: fx.production.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ'],
    });
    const id = await importToken(issued.accessToken, null);
    const r = await fx.f.call('credentials.inspect', { id });
    expect(r).toMatchObject({
      verdict: 'valid',
      environmentFound: 'production',
      nextStep: 'Confirm it as a production credential.',
    });
  });

  it('expired: ACCESS_TOKEN_EXPIRED from a regular call after token status says UNAUTHORIZED', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const id = await importToken(issued.accessToken, 'sandbox');
    fx.sq.expireToken(issued.accessToken);
    const r = await fx.f.call('credentials.inspect', { id });
    expect(r.verdict).toBe('expired');
    expect(r.reason).toMatch(/ACCESS_TOKEN_EXPIRED/);
    expect(r.nextStep).toMatch(/Refresh it/);
  });

  it('expired by its saved date: one request, no search on the other host', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const [id] = await seedCredentials(fx.f, [
      {
        kind: 'access_token',
        value: issued.accessToken,
        environment: 'sandbox',
        expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    ]);
    fx.sq.expireToken(issued.accessToken);
    const r = await fx.f.call('credentials.inspect', { id: id! });
    expect(r).toMatchObject({ verdict: 'expired', requests: 1 });
  });

  it('revoked and unknown tokens: invalid, with the reason Square gave', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    const revokedId = await importToken(issued.accessToken, 'sandbox');
    fx.sq.revoke({ accessToken: issued.accessToken, onlyAccessToken: true });
    const revoked = await fx.f.call('credentials.inspect', { id: revokedId });
    expect(revoked.verdict).toBe('invalid');
    expect(revoked.reason).toMatch(/revoked \(ACCESS_TOKEN_REVOKED\)/);
    const unknownId = await importToken('EAAAunknownTokenThatSquareNeverIssued0123', 'sandbox');
    const unknown = await fx.f.call('credentials.inspect', { id: unknownId });
    expect(unknown).toMatchObject({ verdict: 'invalid', requests: 3 });
    expect(unknown.reason).toMatch(/Neither Square sandbox nor production accepts this token/);
    expect(unknown.checklist.length).toBeGreaterThan(2);
  });
});

describe('credentials that are never sent', () => {
  it('refresh tokens: untested, expiry from the saved date, link advice; no request', async () => {
    const { refreshId } = await seedPair(fx, { flow: 'pkce' });
    const [loose] = await seedCredentials(fx.f, [
      { kind: 'refresh_token', value: 'EQAAloneRefreshToken0123456789abcdef', environment: 'sandbox' },
    ]);
    fx.sq.resetObservations();
    const pkce = await fx.f.call('credentials.inspect', { id: refreshId });
    expect(pkce).toMatchObject({ verdict: 'untested', requests: 0, nextStep: null });
    expect(pkce.reason).toMatch(/testing a refresh token would spend it.*expires in (89|90) days/);
    const alone = await fx.f.call('credentials.inspect', { id: loose! });
    expect(alone.verdict).toBe('untested');
    expect(alone.reason).toMatch(/code-flow refresh tokens never expire/);
    expect(alone.nextStep).toMatch(/Link it to its access token/);
    expect(fx.sq.requests()).toEqual([]);
  });

  it('application secret and ID: untested, environment from the prefix, risk of a production secret', async () => {
    const [appId, secretId, prodSecret, mislabelled] = await seedCredentials(fx.f, [
      { kind: 'application_id', value: fx.sandbox.app.id, environment: 'sandbox' },
      { kind: 'application_secret', value: fx.sandbox.app.secret, environment: 'sandbox', parent: 0 },
      { kind: 'application_secret', value: fx.production.app.secret, environment: 'production' },
      { kind: 'application_id', value: fx.production.app.id, environment: 'sandbox' },
    ]);
    fx.sq.resetObservations();
    const app = await fx.f.call('credentials.inspect', { id: appId! });
    // A stored application ID stays in the keychain: not echoed in the answer, not copied to metadata.
    expect(app).toMatchObject({
      verdict: 'untested',
      environmentFound: 'sandbox',
      appId: null,
      nextStep: null,
    });
    expect(app.reason).toMatch(/its secret is saved here/);
    const secret = await fx.f.call('credentials.inspect', { id: secretId! });
    expect(secret).toMatchObject({ verdict: 'untested', appId: null, nextStep: null }); // linked: nothing to do
    expect(JSON.stringify([app, secret])).not.toContain(fx.sandbox.app.id);
    expect(secret.risks[0]?.level).toBe('info');
    const prod = await fx.f.call('credentials.inspect', { id: prodSecret! });
    expect(prod.risks[0]).toMatchObject({ level: 'danger', text: expect.stringMatching(/must use PKCE/) });
    expect(prod.nextStep).toMatch(/Link it to its application/);
    const wrong = await fx.f.call('credentials.inspect', { id: mislabelled! });
    expect(wrong).toMatchObject({ verdict: 'wrong_environment', environmentFound: 'production' });
    expect(fx.sq.requests()).toEqual([]);
    const list = (await fx.f.call('credentials.list', {})).items;
    expect(list.find((c) => c.id === appId)?.appId).toBeNull();
  });
});

describe('when Square does not answer properly', () => {
  it('no connection: unreachable; rate limited: rate_limited; an error page: unreachable', async () => {
    const id = await importToken(
      fx.sq.issueOAuth({
        applicationId: fx.sandbox.app.id,
        merchantId: fx.sandbox.merchant.id,
        flow: 'code',
        scopes: ['PAYMENTS_READ'],
      }).accessToken,
      'sandbox',
    );
    fx.sq.faults.once({ path: '/oauth2/token/status' }, { type: 'drop-before' });
    expect(await fx.f.call('credentials.inspect', { id })).toMatchObject({
      verdict: 'unreachable',
      reason: expect.stringMatching(/could not be reached/),
    });
    fx.sq.faults.once({ path: '/oauth2/token/status' }, { type: 'rate-limited' });
    expect(await fx.f.call('credentials.inspect', { id })).toMatchObject({
      verdict: 'rate_limited',
      nextStep: expect.stringMatching(/Wait a minute/),
    });
    fx.sq.faults.once({ path: '/oauth2/token/status' }, { type: 'html-502' });
    expect(await fx.f.call('credentials.inspect', { id })).toMatchObject({
      verdict: 'unreachable',
      reason: expect.stringMatching(/HTTP 502, an error page/),
    });
    fx.sq.faults.once({ path: '/oauth2/token/status' }, { type: 'delay', ms: 3_000 });
    expect(await fx.f.call('credentials.inspect', { id })).toMatchObject({
      verdict: 'unreachable',
      reason: expect.stringMatching(/did not answer .* in time/),
    });
  });

  it('a cut-off or wrong-shaped answer: a typed error, and the last result is kept', async () => {
    const id = await importToken(
      fx.sq.issueOAuth({
        applicationId: fx.sandbox.app.id,
        merchantId: fx.sandbox.merchant.id,
        flow: 'code',
        scopes: ['PAYMENTS_READ'],
      }).accessToken,
      'sandbox',
    );
    const good = await fx.f.call('credentials.inspect', { id });
    fx.sq.faults.once({ path: '/oauth2/token/status' }, { type: 'truncated-json' });
    const cut = await fx.f.raw('credentials.inspect', { id });
    expect(cut).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_ERROR', message: expect.stringMatching(/does not match its API/) },
    });
    fx.sq.faults.once({ path: '/oauth2/token/status' }, { type: 'bad-json', body: { scopes: 'ALL', expires_at: 42 } });
    const wrong = await fx.f.raw('credentials.inspect', { id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VENDOR_ERROR' } });
    const list = (await fx.f.call('credentials.list', {})).items;
    expect(list.find((c) => c.id === id)?.lastCheckedAt).toBe(good.checkedAt);
  });
});

describe('when Square contradicts itself', () => {
  it('token status says UNAUTHORIZED on both hosts but a regular call works: an error verdict, not "invalid"', async () => {
    const [target] = await seedCredentials(fx.f, [
      { kind: 'access_token', value: fx.sandbox.personalToken, environment: 'sandbox' },
    ]);
    const unauthorized = { errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED' }] };
    fx.sq.faults.always({ path: '/oauth2/token/status' }, { type: 'bad-json', status: 401, body: unauthorized });
    const r = await fx.f.call('credentials.inspect', { id: target! });
    fx.sq.faults.clear();
    expect(r).toMatchObject({ verdict: 'error', environmentFound: 'sandbox', requests: 3 });
    expect(r.reason).toMatch(/refuses this token \(UNAUTHORIZED\), yet Square sandbox accepts it/);
  });
});

describe('bulk inspection', () => {
  it('reports progress, finishes, and stops when cancelled', async () => {
    const tokens = Array.from(
      { length: 12 },
      () =>
        fx.sq.issueOAuth({
          applicationId: fx.sandbox.app.id,
          merchantId: fx.sandbox.merchant.id,
          flow: 'code',
          scopes: ['MERCHANT_PROFILE_READ'],
        }).accessToken,
    );
    const ids = await seedCredentials(
      fx.f,
      tokens.map((value) => ({ kind: 'access_token' as const, value, environment: 'sandbox' as const })),
    );
    const progress: EventOf<'inspection.progress'>[] = [];
    const finished: EventOf<'inspection.finished'>[] = [];
    fx.f.core.on('inspection.progress', (p) => void progress.push(p));
    fx.f.core.on('inspection.finished', (p) => void finished.push(p));
    const { jobId, total } = await fx.f.call('credentials.inspectMany', { ids });
    expect(total).toBe(12);
    await expect.poll(() => finished.length, { timeout: 10_000 }).toBe(1);
    expect(finished[0]).toMatchObject({ jobId, done: 12, total: 12, cancelled: false });
    const results = progress.flatMap((p) => p.results);
    expect(new Set(results.map((r) => r.credentialId))).toEqual(new Set(ids));
    expect(results.every((r) => r.verdict === 'valid')).toBe(true);

    // Two at a time, so most are still queued when the user cancels.
    await fx.f.restart({ bulkConcurrency: 2 });
    fx.f.core.on('inspection.progress', (p) => void progress.push(p));
    fx.f.core.on('inspection.finished', (p) => void finished.push(p));
    fx.sq.setLatency(100);
    const second = await fx.f.call('credentials.inspectMany', { ids });
    await expect
      .poll(() => progress.filter((p) => p.jobId === second.jobId).length, { timeout: 5_000 })
      .toBeGreaterThan(0);
    expect(await fx.f.call('credentials.cancelInspection', { jobId: second.jobId })).toEqual({ cancelled: true });
    await expect.poll(() => finished.length, { timeout: 5_000 }).toBe(2);
    const sent = fx.sq.stats().requests;
    fx.sq.setLatency(0);
    expect(finished[1]).toMatchObject({ jobId: second.jobId, cancelled: true });
    expect(finished[1]!.done).toBeLessThan(12);
    const reported = progress.filter((p) => p.jobId === second.jobId).flatMap((p) => p.results);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.length).toBeLessThan(12);
    await new Promise((r) => setTimeout(r, 300));
    expect(fx.sq.stats().requests).toBe(sent); // nothing more was sent after the job ended
  });
});
