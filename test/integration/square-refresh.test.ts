// Refreshing Square token pairs through createCore(...).invoke against the local Square and the
// private keychain: PKCE (no secret, single use, a new refresh token) and the code flow (with the
// linked secret, the same refresh token back), one refresh call however many ask, and a keychain
// that refuses the new pair losing nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';
import {
  expectNoSecretOnDisk,
  keychainValue,
  seedCredentials,
  seedPair,
  startSquare,
  type SquareFixture,
} from '../helpers/square';

let fx: SquareFixture;
let store: FaultyStore;

beforeAll(async () => {
  fx = await startSquare({ core: (service) => ({ secretStore: (store = createFaultyStore(service)) }) });
});
beforeEach(() => {
  store.heal();
  fx.sq.faults.clear();
  fx.sq.resetObservations();
});
afterAll(async () => {
  expect(fx.sq.contractViolations()).toEqual([]);
  await expectNoSecretOnDisk(fx);
  await fx.close();
});

const views = async () => (await fx.f.call('credentials.list', {})).items;

describe('PKCE pairs', () => {
  it('refresh without the secret: both tokens replaced, the old refresh token spent, the new pair works', async () => {
    const { accessId, refreshId, issued } = await seedPair(fx, { flow: 'pkce' });
    const before = await views();
    const r = await fx.f.call('credentials.refresh', { id: accessId });
    expect(r.saved).toBe(true);
    const [newAccess, newRefresh] = [await keychainValue(fx.f, accessId), await keychainValue(fx.f, refreshId)];
    expect(newAccess).not.toBe(issued.accessToken);
    expect(newRefresh).not.toBe(issued.refreshToken);
    expect(fx.sq.tokenState(issued.refreshToken)).toBe('used');
    expect(fx.sq.tokenState(newRefresh!)).toBe('active');
    expect(fx.sq.tokenState(newAccess!)).toBe('active');
    expect(fx.sq.refreshCalls()).toMatchObject([{ flow: 'pkce', status: 200 }]);
    const access = r.credentials.find((c) => c.id === accessId)!;
    const refresh = r.credentials.find((c) => c.id === refreshId)!;
    expect(access.fingerprint).not.toBe(before.find((c) => c.id === accessId)!.fingerprint);
    expect(Date.parse(refresh.expiresAt!) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(await fx.f.call('credentials.inspect', { id: accessId })).toMatchObject({ verdict: 'valid' });
    // Asked from the refresh token's side, the same pair refreshes again (single use: a new one each time).
    await fx.f.call('credentials.refresh', { id: refreshId });
    expect(fx.sq.tokenState(newRefresh!)).toBe('used');
    expect(fx.sq.refreshCalls()).toHaveLength(2);
  });

  it('five refreshes at once make exactly one refresh call, and all see the same new pair', async () => {
    const { accessId, refreshId } = await seedPair(fx, { flow: 'pkce' });
    const answers = await Promise.all(
      [accessId, refreshId, accessId, refreshId, accessId].map((id) => fx.f.call('credentials.refresh', { id })),
    );
    expect(fx.sq.refreshCalls()).toHaveLength(1);
    expect(new Set(answers.map((a) => a.credentials.map((c) => c.fingerprint).join()))).toHaveProperty('size', 1);
    expect(fx.sq.tokenState((await keychainValue(fx.f, refreshId))!)).toBe('active');
  });

  it(
    'a linked secret is not sent for a PKCE pair (known by its refresh expiry), or is dropped when Square ' +
      'refuses it',
    async () => {
      const known = await seedPair(fx, { flow: 'pkce', withSecret: true });
      await fx.f.call('credentials.refresh', { id: known.accessId });
      expect(fx.sq.refreshCalls()).toMatchObject([{ flow: 'pkce', status: 200 }]);
      // The same kind of pair saved without its refresh expiry: the secret is tried, refused, then left out.
      const issued = fx.sq.issueOAuth({
        applicationId: fx.sandbox.app.id,
        merchantId: fx.sandbox.merchant.id,
        flow: 'pkce',
        scopes: ['PAYMENTS_READ'],
      });
      const [accessId] = await seedCredentials(fx.f, [
        { kind: 'access_token', value: issued.accessToken, environment: 'sandbox', appId: fx.sandbox.app.id },
        { kind: 'refresh_token', value: issued.refreshToken, environment: 'sandbox', parent: 0 },
        { kind: 'application_secret', value: fx.sandbox.app.secret, environment: 'sandbox', appId: fx.sandbox.app.id },
      ]);
      fx.sq.resetObservations();
      expect((await fx.f.call('credentials.refresh', { id: accessId! })).saved).toBe(true);
      expect(fx.sq.refreshCalls().map((c) => `${c.status} ${c.errorCode ?? ''}`.trim())).toEqual([
        '400 INVALID_VALUE',
        '200',
      ]);
    },
  );

  it("a spent refresh token: Square's refusal in plain words, nothing changes", async () => {
    const { accessId, issued } = await seedPair(fx, { flow: 'pkce' });
    // Spent elsewhere (another copy of the pair refreshed first).
    const spent = await fetch(`${fx.sq.urls.sandbox}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Square-Version': '2025-08-20' },
      body: JSON.stringify({
        client_id: fx.sandbox.app.id,
        grant_type: 'refresh_token',
        refresh_token: issued.refreshToken,
      }),
    });
    expect(spent.status).toBe(200);
    const before = await views();
    const r = await fx.f.raw('credentials.refresh', { id: accessId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_ERROR', message: expect.stringMatching(/already used, has expired or was revoked/) },
    });
    expect(await views()).toEqual(before);
  });

  it('no answer from Square: the refresh token is not spent (not processed) and a later refresh works', async () => {
    const { accessId, issued } = await seedPair(fx, { flow: 'pkce' });
    fx.sq.faults.once({ path: '/oauth2/token' }, { type: 'drop-before' });
    const r = await fx.f.raw('credentials.refresh', { id: accessId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_UNREACHABLE', message: expect.stringMatching(/did not answer the refresh/) },
    });
    expect(fx.sq.tokenState(issued.refreshToken)).toBe('active');
    expect((await fx.f.call('credentials.refresh', { id: accessId })).saved).toBe(true);
  });

  it('an answer lost after Square processed it: said plainly; Square has spent the PKCE token', async () => {
    const { accessId, issued } = await seedPair(fx, { flow: 'pkce' });
    fx.sq.faults.once({ path: '/oauth2/token' }, { type: 'drop-after' });
    const r = await fx.f.raw('credentials.refresh', { id: accessId });
    expect(r).toMatchObject({ ok: false, error: { hint: expect.stringMatching(/connect the seller again/) } });
    expect(fx.sq.tokenState(issued.refreshToken)).toBe('used'); // Square's single-use rule: nothing to recover
    expect(await keychainValue(fx.f, accessId)).toBe(issued.accessToken); // nothing half-written
  });

  it('a cut-off or wrong-shaped answer to the refresh: a typed error, nothing stored', async () => {
    for (const fault of [
      { type: 'truncated-json' },
      { type: 'bad-json', body: { access_token: 7 }, processed: false },
    ] as const) {
      const { accessId, issued } = await seedPair(fx, { flow: 'pkce' });
      fx.sq.faults.once({ path: '/oauth2/token' }, fault);
      const r = await fx.f.raw('credentials.refresh', { id: accessId });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'VENDOR_ERROR', message: expect.stringMatching(/could not be read/) },
      });
      expect(await keychainValue(fx.f, accessId)).toBe(issued.accessToken);
    }
  });
});

describe('code-flow pairs', () => {
  it('refresh with the linked secret: a new access token, the same refresh token kept as it is', async () => {
    const { accessId, refreshId, issued } = await seedPair(fx, { flow: 'code', withSecret: true });
    const before = (await views()).find((c) => c.id === refreshId);
    const r = await fx.f.call('credentials.refresh', { id: accessId });
    expect(r.saved).toBe(true);
    expect(await keychainValue(fx.f, accessId)).not.toBe(issued.accessToken);
    expect(await keychainValue(fx.f, refreshId)).toBe(issued.refreshToken);
    expect(r.credentials.find((c) => c.id === refreshId)).toEqual(before);
    expect(fx.sq.refreshCalls()).toMatchObject([{ flow: 'code', status: 200 }]);
    await fx.f.call('credentials.refresh', { id: accessId }); // reusable
    expect(fx.sq.refreshCalls()).toHaveLength(2);
    expect(fx.sq.tokenState(issued.refreshToken)).toBe('active');
  });

  it('without a linked secret: told to link it, and the refresh token is not spent', async () => {
    const app = fx.sq.createApplication({ environment: 'sandbox' }); // an app whose secret is saved nowhere
    const issued = fx.sq.issueOAuth({
      applicationId: app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ'],
    });
    const [accessId] = await seedCredentials(fx.f, [
      { kind: 'access_token', value: issued.accessToken, environment: 'sandbox', appId: app.id },
      { kind: 'refresh_token', value: issued.refreshToken, environment: 'sandbox', parent: 0 },
    ]);
    const r = await fx.f.raw('credentials.refresh', { id: accessId! });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/needs the application secret/) },
    });
    expect(fx.sq.tokenState(issued.refreshToken)).toBe('active');
  });

  it('an access token with no refresh token: told so at once (the pair lock is taken once, not twice)', async () => {
    const [accessId] = await seedCredentials(fx.f, [
      { kind: 'access_token', value: fx.sandbox.personalToken, environment: 'sandbox', appId: fx.sandbox.app.id },
    ]);
    const r = await fx.f.raw('credentials.refresh', { id: accessId! });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/no linked refresh token/) },
    });
  }, 5_000);

  it('without any application link: told what to do, nothing sent', async () => {
    const { accessId } = await seedPair(fx, { flow: 'code', withAppId: false });
    const r = await fx.f.raw('credentials.refresh', { id: accessId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/needs the application ID/) },
    });
    expect(fx.sq.refreshCalls()).toEqual([]);
  });
});

describe('a keychain that refuses the new pair', () => {
  it('keeps the new pair in memory, says it is not saved, then saves it without a second refresh', async () => {
    const { accessId, refreshId, issued } = await seedPair(fx, { flow: 'pkce' });
    store.failNthSet(1, 'locked');
    const first = await fx.f.call('credentials.refresh', { id: accessId });
    expect(first.saved).toBe(false);
    expect(fx.sq.refreshCalls()).toHaveLength(1);
    expect(fx.sq.tokenState(issued.refreshToken)).toBe('used'); // spent at Square: only our memory has the new one
    expect(await keychainValue(fx.f, refreshId)).toBe(issued.refreshToken); // nothing half-written
    store.breakAll('locked', ['set']);
    expect((await fx.f.call('credentials.refresh', { id: refreshId })).saved).toBe(false);
    store.heal();
    const second = await fx.f.call('credentials.refresh', { id: accessId });
    expect(second.saved).toBe(true);
    expect(fx.sq.refreshCalls()).toHaveLength(1); // the held pair was saved; Square was not asked again
    const saved = await keychainValue(fx.f, refreshId);
    expect(fx.sq.tokenState(saved!)).toBe('active');
    expect(fx.sq.tokenState((await keychainValue(fx.f, accessId))!)).toBe('active');
    expect(await fx.f.call('credentials.inspect', { id: accessId })).toMatchObject({ verdict: 'valid' });
    await fx.f.call('credentials.refresh', { id: accessId }); // and the saved refresh token works
    expect(fx.sq.refreshCalls()).toMatchObject([{ status: 200 }, { status: 200 }]);
  });
});
