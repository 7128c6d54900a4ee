// Issue #8 "Sandbox test charge": charges.create / retry / refund / list through the core, against
// the local Clover (card tokens, idempotent replay, declines, injected faults) and the private
// keychain. Whatever goes wrong on the wire, the server ends up with exactly one charge per attempt.
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import type { ChargeAttemptView } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../emulators/clover';
import { addClover, startCloverCore, type CloverFixture } from '../helpers/clover';

let t: CloverFixture;
let ids: { access: string; merchantId: string; accessValue: string; pakmsValue: string };

async function setup(o: { pakms?: boolean; environment?: 'sandbox' | 'production' } = {}) {
  const env = o.environment ?? 'sandbox';
  const { app, merchant, tokens } = t.clover.seed.connectedMerchant({ environment: env });
  const key = t.clover.seed.pakmsKey({ appId: app.id, merchantId: merchant.id });
  const v = await addClover(
    t.f,
    {
      CLOVER_ACCESS_TOKEN: tokens.access_token,
      CLOVER_MERCHANT_ID: merchant.id,
      CLOVER_APP_ID: app.id,
      ...(o.pakms !== false && { CLOVER_PAKMS_KEY: key.value }),
    },
    env,
  );
  ids = {
    access: v.access_token!.id,
    merchantId: merchant.id,
    accessValue: tokens.access_token,
    pakmsValue: key.value,
  };
}

const create = (
  o: { scenario?: 'approve' | 'decline' | 'partial_approval' | 'amex_approve'; key?: string; amount?: number } = {},
) =>
  t.f.raw('charges.create', {
    credentialId: ids.access,
    amount: o.amount ?? 1100,
    currency: 'USD',
    scenario: o.scenario ?? 'approve',
    ...(o.key !== undefined && { idempotencyKey: o.key }),
  });

async function created(o: Parameters<typeof create>[0] = {}) {
  const r = await create(o);
  if (!r.ok) throw new Error(`charges.create failed: ${r.error.code} ${r.error.message}`);
  return r.data as ChargeAttemptView;
}

beforeEach(async () => {
  t = await startCloverCore({ core: { timing: { httpTimeoutMs: 1_000, httpRetryBaseDelayMs: 20 } } });
});
afterEach(async () => t.cleanup());

describe('outcomes', () => {
  it('approve: one card token, one charge, the idempotency key sent; the card token stays in the keychain', async () => {
    await setup();
    const key = randomUUID();
    const a = await created({ key });
    expect(a).toMatchObject({ status: 'succeeded', idempotencyKey: key, sends: 1, replayed: false });
    expect(t.clover.inspect.chargeCount()).toBe(1);
    expect(t.clover.inspect.charges()[0]).toMatchObject({
      id: a.vendorId,
      idempotencyKey: key,
      amount: 1100,
      currency: 'usd',
    });
    expect(t.clover.inspect.requests({ path: '/v1/tokens' })).toHaveLength(1);
    const source = await keytar.getPassword(t.f.service, `charge-source:${a.id}`);
    expect(source).toMatch(/^clv_/);
    expect(JSON.stringify(a)).not.toContain(source!);
    expect(JSON.stringify(a)).not.toContain(ids.accessValue);
  });

  it.each([
    ['decline', 'declined', /declined/],
    ['partial_approval', 'declined', /partially approved/],
    ['amex_approve', 'succeeded', /Approved/],
  ] as const)('%s -> %s, in plain words', async (scenario, status, words) => {
    await setup();
    const a = await created({ scenario });
    expect(a.status).toBe(status);
    expect(a.message).toMatch(words);
    expect(a.message).not.toMatch(/generic_decline|"type"/);
  });

  it('charges.retry after success: Clover replays its stored answer, no second charge, said so', async () => {
    await setup();
    const a = await created();
    const again = await t.f.call('charges.retry', { attemptId: a.id });
    expect(again).toMatchObject({
      status: 'succeeded',
      vendorId: a.vendorId,
      replayed: true,
      sends: 2,
      idempotencyKey: a.idempotencyKey,
    });
    expect(again.message).toMatch(/no second charge/);
    expect(t.clover.inspect.chargeCount()).toBe(1);
    expect(t.clover.inspect.requests({ path: '/v1/tokens' })).toHaveLength(1); // the same card token
    const sent = t.clover.inspect.requests({ path: '/v1/charges' });
    expect(sent.map((q) => q.idempotencyKey)).toEqual([a.idempotencyKey, a.idempotencyKey]);
  });

  it('a new charge gets a new key (made by main when the renderer sends none) and a new charge', async () => {
    await setup();
    const a = await created();
    const b = await created();
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
    expect(t.clover.inspect.chargeCount()).toBe(2);
  });

  it('a key already used for another request is refused before anything is sent', async () => {
    await setup();
    const key = randomUUID();
    await created({ key });
    const before = t.clover.inspect.requests().length;
    const r = await create({ key, amount: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: ['idempotencyKey'] } });
    expect(t.clover.inspect.requests()).toHaveLength(before);
    expect(t.clover.inspect.chargeCount()).toBe(1);
  });

  it('the same key and request again is a retry of the same attempt, not a second charge', async () => {
    await setup();
    const key = randomUUID();
    const a = await created({ key });
    const b = await created({ key });
    expect(b.id).toBe(a.id);
    expect(b.replayed).toBe(true);
    expect(t.clover.inspect.chargeCount()).toBe(1);
  });

  it('a production credential never reaches Clover: refused first, zero requests anywhere', async () => {
    await setup({ environment: 'production' });
    const before = t.clover.inspect.requests().length;
    const r = await create();
    expect(r).toMatchObject({ ok: false, error: { code: 'PRODUCTION_REFUSED' } });
    expect(t.clover.inspect.requests({ environment: 'production' })).toHaveLength(0);
    expect(t.clover.inspect.requests()).toHaveLength(before);
  });

  it('without a PAKMS key for the merchant: failed in plain words, nothing sent', async () => {
    await setup({ pakms: false });
    const a = await created();
    expect(a).toMatchObject({ status: 'failed', sends: 0 });
    expect(a.message).toMatch(/PAKMS key/);
    expect(t.clover.inspect.requests()).toHaveLength(0);
  });
});

describe('a charge retried through each injected fault creates exactly one charge', () => {
  const faults: [string, Fault][] = [
    ['answered after the client timeout', { kind: 'delay', ms: 1_600 }],
    ['connection dropped before processing', { kind: 'drop', when: 'before' }],
    ['connection dropped after processing', { kind: 'drop', when: 'after' }],
    ['JSON 500 after processing', { kind: 'json500', when: 'after' }],
    ['HTML 502 after processing', { kind: 'html502', when: 'after' }],
    ['truncated JSON', { kind: 'truncatedJson' }],
  ];
  it.each(faults)('%s', async (_what, fault) => {
    await setup();
    t.clover.faults.once({ path: '/v1/charges' }, fault);
    const a = await created();
    expect(a.status).toBe('succeeded');
    expect(a.sends).toBeGreaterThanOrEqual(2);
    expect(t.clover.inspect.chargeCount()).toBe(1);
    // The stand-in records the key of requests it read (a drop before reading has none); our own
    // request log has every attempt.
    const read = t.clover.inspect
      .requests({ path: '/v1/charges' })
      .flatMap((q) => (q.idempotencyKey ? [q.idempotencyKey] : []));
    expect(new Set(read)).toEqual(new Set([a.idempotencyKey]));
    const attempts = (await t.f.call('requests.list', {})).items.filter((e) => e.path === '/v1/charges');
    expect(attempts.length).toBe(a.sends);
    expect(new Set(attempts.map((e) => e.idempotencyKey))).toEqual(new Set([a.idempotencyKey]));
    expect(t.clover.inspect.requests({ path: '/v1/tokens' })).toHaveLength(1);
    expect(t.clover.inspect.charges()[0]!.id).toBe(a.vendorId);
  });

  it("an outcome still unknown after every automatic send stays unknown; the user's Retry finds the one charge", async () => {
    await setup();
    const rule = t.clover.faults.always({ path: '/v1/charges' }, { kind: 'drop', when: 'after' });
    const a = await created();
    expect(a.status).toBe('unknown');
    expect(a.message).toMatch(/same idempotency key/);
    rule.cancel();
    const r = await t.f.call('charges.retry', { attemptId: a.id });
    expect(r.status).toBe('succeeded');
    expect(t.clover.inspect.chargeCount()).toBe(1);
  });

  it('survives a restart: Retry uses the same key and the same card token from the keychain', async () => {
    await setup();
    const rule = t.clover.faults.always({ path: '/v1/charges' }, { kind: 'json500', when: 'after' });
    const a = await created();
    expect(a.status).toBe('unknown');
    rule.cancel();
    await t.f.restart();
    const r = await t.f.call('charges.retry', { attemptId: a.id });
    expect(r).toMatchObject({ status: 'succeeded', idempotencyKey: a.idempotencyKey });
    expect(t.clover.inspect.chargeCount()).toBe(1);
    expect(t.clover.inspect.requests({ path: '/v1/tokens' })).toHaveLength(1);
  });

  it('tokenization that fails: failed, nothing charged; Retry makes a new card token and charges once', async () => {
    await setup();
    t.clover.faults.once({ path: '/v1/tokens' }, { kind: 'truncatedJson' });
    const a = await created();
    expect(a).toMatchObject({ status: 'failed', sends: 0 });
    expect(a.message).toMatch(/card token/);
    expect(t.clover.inspect.chargeCount()).toBe(0);
    const r = await t.f.call('charges.retry', { attemptId: a.id });
    expect(r.status).toBe('succeeded');
    expect(t.clover.inspect.chargeCount()).toBe(1);
  });
});

describe('refunds and the ledger', () => {
  it('partial refund, then the rest; the ledger lists the attempt with both', async () => {
    await setup();
    const a = await created({ amount: 1000 });
    const part = await t.f.call('charges.refund', { attemptId: a.id, amount: 400 });
    expect(part.status).toBe('partially_refunded');
    const rest = await t.f.call('charges.refund', { attemptId: a.id });
    expect(rest.status).toBe('refunded');
    expect(t.clover.inspect.refunds().map((r) => r.amount)).toEqual([400, 600]);
    const listed = await t.f.call('charges.list', { credentialId: ids.access });
    expect(listed.items[0]).toMatchObject({
      id: a.id,
      status: 'refunded',
      refunds: [{ amount: 400 }, { amount: 600 }],
    });
  });
});

describe('the UNCONFIRMED nested error envelope (clover-api.md §7)', () => {
  it('a decline under `error` reads the same as the documented flat fields', async () => {
    await t.cleanup();
    t = await startCloverCore({
      emulator: { errorEnvelope: 'nested' },
      core: { timing: { httpTimeoutMs: 1_000, httpRetryBaseDelayMs: 20 } },
    });
    await setup();
    const a = await created({ scenario: 'decline' });
    expect(a).toMatchObject({ status: 'declined', message: 'The card was declined.' });
  });
});
