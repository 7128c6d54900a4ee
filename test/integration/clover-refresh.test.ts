// Issue #8 "Refresh": credentials.refresh of a Clover v2 pair against the local Clover (single-use
// refresh tokens) and the private keychain, with a store that can fail on purpose. One refresh per
// pair however many callers ask; the new pair reaches the keychain before the old one is dropped;
// a keychain that refuses the write loses nothing.
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';
import { addClover, startCloverCore, type CloverFixture } from '../helpers/clover';

let t: CloverFixture;
afterEach(async () => t?.cleanup());

async function pair(o: { withApp?: boolean } = {}) {
  const { app, merchant, tokens } = t.clover.seed.connectedMerchant();
  const v = await addClover(t.f, {
    CLOVER_ACCESS_TOKEN: tokens.access_token,
    CLOVER_REFRESH_TOKEN: tokens.refresh_token,
    CLOVER_MERCHANT_ID: merchant.id,
    ...(o.withApp !== false && { CLOVER_APP_ID: app.id }),
    CLOVER_ACCESS_TOKEN_EXPIRATION: String(tokens.access_token_expiration),
    CLOVER_REFRESH_TOKEN_EXPIRATION: String(tokens.refresh_token_expiration),
  });
  return { app, merchant, tokens, access: v.access_token!, refresh: v.refresh_token! };
}

const stored = (id: string) => keytar.getPassword(t.f.service, id);

describe('refresh', () => {
  it("spends the refresh token once, stores the new pair with Clover's expirations, and the new token works", async () => {
    t = await startCloverCore();
    const p = await pair();
    expect(p.refresh.parentId).toBe(p.access.id);
    t.clover.advance(60_000);
    const r = await t.f.call('credentials.refresh', { id: p.access.id });
    expect(r.saved).toBe(true);
    expect(t.clover.inspect.refreshCalls()).toBe(1);
    const [newAccess, newRefresh] = [await stored(p.access.id), await stored(p.refresh.id)];
    expect(newAccess).not.toBe(p.tokens.access_token);
    expect(newRefresh).not.toBe(p.tokens.refresh_token);
    expect(t.clover.inspect.credentialStatus(p.tokens.refresh_token)).toBe('used');
    expect(t.clover.inspect.credentialStatus(newRefresh!)).toBe('active');
    const access = r.credentials.find((c) => c.id === p.access.id)!;
    expect(Date.parse(access.expiresAt!)).toBeGreaterThan(Date.parse(p.access.expiresAt!));
    expect(access.fingerprint).not.toBe(p.access.fingerprint);
    expect((await t.f.call('credentials.inspect', { id: p.access.id })).verdict).toBe('valid');
    expect(JSON.stringify(r)).not.toContain(newAccess!);
  });

  it('the refresh token id works too, and the app ID can come from inspection', async () => {
    t = await startCloverCore();
    const p = await pair({ withApp: false });
    const refused = await t.f.raw('credentials.refresh', { id: p.refresh.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/App ID/) },
    });
    expect(t.clover.inspect.refreshCalls()).toBe(0);
    await t.f.call('credentials.inspect', { id: p.access.id }); // PAKMS names the app
    expect((await t.f.call('credentials.refresh', { id: p.refresh.id })).saved).toBe(true);
    expect(t.clover.inspect.refreshCalls()).toBe(1);
  });

  it('ten concurrent refreshes of one pair make exactly one refresh call', async () => {
    t = await startCloverCore({ emulator: { latencyMs: 30 } });
    const p = await pair();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.f.call('credentials.refresh', { id: i % 2 ? p.access.id : p.refresh.id })),
    );
    expect(t.clover.inspect.refreshCalls()).toBe(1);
    expect(new Set(answers.map((a) => a.credentials.map((c) => c.fingerprint).join()))).toHaveProperty('size', 1);
    expect(t.clover.inspect.credentialStatus((await stored(p.refresh.id))!)).toBe('active');
  });

  it('a refresh token Clover already retired is refused in plain words; the stored pair is unchanged', async () => {
    t = await startCloverCore();
    const p = await pair();
    t.clover.seed.revoke(p.tokens.refresh_token);
    const r = await t.f.raw('credentials.refresh', { id: p.access.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VENDOR_ERROR', message: expect.stringMatching(/already used/) },
    });
    expect(await stored(p.refresh.id)).toBe(p.tokens.refresh_token);
    expect(JSON.stringify(r)).not.toContain(p.tokens.refresh_token);
  });

  it.each([
    ['dropped after Clover processed it', { kind: 'drop' as const, when: 'after' as const }],
    ['answered with truncated JSON', { kind: 'truncatedJson' as const }],
    ['answered with an HTML page', { kind: 'html502' as const, when: 'after' as const }],
  ])('an answer %s: typed error, pair unchanged, and the next refresh says the token was used', async (_w, fault) => {
    t = await startCloverCore();
    const p = await pair();
    t.clover.faults.once({ path: '/oauth/v2/refresh' }, fault);
    const r = await t.f.raw('credentials.refresh', { id: p.access.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(['VENDOR_UNREACHABLE', 'VENDOR_ERROR']).toContain(r.error.code);
    expect(r.error.message).toMatch(/unchanged/);
    expect(JSON.stringify(r)).not.toMatch(/nginx|<html|access_token/);
    expect(await stored(p.refresh.id)).toBe(p.tokens.refresh_token);
    expect(await stored(p.access.id)).toBe(p.tokens.access_token);
    expect(t.clover.inspect.refreshCalls()).toBe(1); // never resent by itself
    expect(await t.f.raw('credentials.refresh', { id: p.access.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already used/) },
    });
  });

  it('dropped before Clover processed it: the stored pair still works on the next refresh', async () => {
    t = await startCloverCore();
    const p = await pair();
    t.clover.faults.once({ path: '/oauth/v2/refresh' }, { kind: 'drop', when: 'before' });
    expect((await t.f.raw('credentials.refresh', { id: p.access.id })).ok).toBe(false);
    expect((await t.f.call('credentials.refresh', { id: p.access.id })).saved).toBe(true);
    expect(t.clover.inspect.credentialStatus((await stored(p.refresh.id))!)).toBe('active');
  });
});

describe('a keychain that refuses the new pair loses nothing', () => {
  // A rotation stages both values (<id>:next), then overwrites the access token, then the refresh
  // token (vault/rotation.ts). failNthSet counts the overwrites; breakAll fails the staging too.
  it.each([
    ['every write (staging included)', (s: FaultyStore) => s.breakAll('locked', ['set'])],
    ['the access token overwrite', (s: FaultyStore) => s.failNthSet(1, 'locked')],
    [
      'the refresh token overwrite (the access token is already new)',
      (s: FaultyStore) => s.failNthSet(2, 'unavailable'),
    ],
  ])(
    '%s fails: kept in memory, answered saved: false; healed, it is saved without spending again',
    async (_w, fault) => {
      let store!: FaultyStore;
      t = await startCloverCore({ core: (service) => ({ secretStore: (store = createFaultyStore(service)) }) });
      const p = await pair();
      fault(store);
      const first = await t.f.call('credentials.refresh', { id: p.access.id });
      expect(first.saved).toBe(false);
      expect(t.clover.inspect.refreshCalls()).toBe(1);
      expect(t.clover.inspect.credentialStatus(p.tokens.refresh_token)).toBe('used'); // spent at Clover: only memory holds the new one
      store.heal();
      const second = await t.f.call('credentials.refresh', { id: p.access.id });
      expect(second.saved).toBe(true);
      expect(t.clover.inspect.refreshCalls()).toBe(1); // the held pair was saved, nothing spent again
      const newRefresh = (await stored(p.refresh.id))!;
      expect(t.clover.inspect.credentialStatus(newRefresh)).toBe('active');
      expect((await t.f.call('credentials.inspect', { id: p.access.id })).verdict).toBe('valid');
      expect((await t.f.call('credentials.refresh', { id: p.access.id })).saved).toBe(true);
      expect(t.clover.inspect.refreshCalls()).toBe(2);
      expect(t.clover.inspect.credentialStatus(newRefresh)).toBe('used');
    },
  );
});
