// Sandbox test payments on Square through createCore(...).invoke against the local Square: the
// documented test nonces, exactly one payment whatever fault hits a send, Retry replaying rather
// than charging again, IDEMPOTENCY_KEY_REUSED explained, bounded backoff on RATE_LIMITED,
// production refused before any request, refunds.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../emulators/square';
import { expectNoSecretOnDisk, startSquare, type SquareFixture } from '../helpers/square';

let fx: SquareFixture;
let tokenId = '';

async function importConfirmed(value: string, environment: 'sandbox' | 'production'): Promise<string> {
  fx.f.clipboard.writeText(value);
  const { pending } = await fx.f.call('credentials.importFromClipboard', {});
  await fx.f.call('credentials.confirm', {
    id: pending.credential.id,
    provider: 'square',
    kind: 'access_token',
    environment,
    label: `pay ${environment}`,
  });
  return pending.credential.id;
}

const charge = (over: Record<string, unknown> = {}) =>
  fx.f.call('charges.create', {
    credentialId: tokenId,
    amount: 1234,
    currency: 'USD',
    scenario: 'ok',
    idempotencyKey: randomUUID(),
    ...over,
  });
const paymentsFor = (key: string) => fx.sq.payments({ idempotencyKey: key });
const PAYMENTS = { method: 'POST', path: '/v2/payments' };

beforeAll(async () => {
  fx = await startSquare();
  tokenId = await importConfirmed(fx.sandbox.personalToken, 'sandbox');
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

describe('scenarios (documented test nonces)', () => {
  it("ok: succeeded, at the main location by default, with the attempt's key in the body", async () => {
    const a = await charge();
    expect(a).toMatchObject({ status: 'succeeded', replayed: false, sends: 1, provider: 'square' });
    const [p] = paymentsFor(a.idempotencyKey);
    expect(p).toMatchObject({
      id: a.vendorId,
      status: 'COMPLETED',
      location_id: fx.sandbox.merchant.mainLocationId,
      amount_money: { amount: 1234, currency: 'USD' },
    });
    expect(a.message).toMatch(/Payment completed/);
  });

  it.each([
    ['declined', /declined \(GENERIC_DECLINE\)/],
    ['cvv', /security code \(CVV\) was rejected/],
    ['postal_code', /postal code failed address verification/],
    ['expiration', /expiration date was rejected/],
  ] as const)('%s: declined in plain words, the FAILED payment recorded', async (scenario, words) => {
    const a = await charge({ scenario });
    expect(a).toMatchObject({ status: 'declined', sends: 1 });
    expect(a.message).toMatch(words);
    const [p] = paymentsFor(a.idempotencyKey);
    expect(p).toMatchObject({ id: a.vendorId, status: 'FAILED' });
  });

  it('a location that cannot take cards: failed, explained; a named one is used as given', async () => {
    const refused = await charge({ locationId: fx.sandbox.noCardLocationId });
    expect(refused).toMatchObject({ status: 'failed', vendorId: null });
    expect(refused.message).toMatch(/cannot take card payments/);
    const named = await charge({ locationId: fx.sandbox.merchant.mainLocationId });
    expect(paymentsFor(named.idempotencyKey)[0]?.location_id).toBe(fx.sandbox.merchant.mainLocationId);
  });

  it('a Clover scenario, or a currency Square does not take, is refused before anything is sent', async () => {
    const r = await fx.f.raw('charges.create', {
      credentialId: tokenId,
      amount: 100,
      currency: 'USD',
      scenario: 'approve',
      idempotencyKey: randomUUID(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const sek = await fx.f.raw('charges.create', {
      credentialId: tokenId,
      amount: 100,
      currency: 'SEK',
      scenario: 'ok',
      idempotencyKey: randomUUID(),
    });
    expect(sek).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: ['currency'] } });
    expect(fx.sq.requests()).toEqual([]);
  });
});

describe('exactly one payment', () => {
  it.each<[string, Fault]>([
    ['the connection drops before Square sees it', { type: 'drop-before' }],
    ['the connection drops after Square made the payment', { type: 'drop-after' }],
    ['Square answers 500', { type: 'error-500' }],
    ['a proxy answers an HTML 502', { type: 'html-502' }],
    ['the answer is cut off after the payment was made', { type: 'truncated-json' }],
    [
      'a wrong-shaped answer after the payment was made',
      { type: 'bad-json', body: { payment: { id: 7 } }, processed: true },
    ],
    ['Square rate-limits the first send', { type: 'rate-limited' }],
    ['the answer comes after our timeout', { type: 'delay', ms: 2_500 }],
  ])('%s: the same key and body are resent and one payment exists', async (_what, fault) => {
    fx.sq.faults.once(PAYMENTS, fault);
    const a = await charge();
    expect(a.status).toBe('succeeded');
    expect(a.sends).toBeGreaterThanOrEqual(2);
    const made = paymentsFor(a.idempotencyKey);
    expect(made).toHaveLength(1);
    expect(made[0]!.id).toBe(a.vendorId);
    // Every send reached Square (a late answer is logged when it is finally written).
    await expect
      .poll(() => fx.sq.requests().filter((q) => q.path === '/v2/payments').length, { timeout: 5_000 })
      .toBe(a.sends);
  });

  it("Retry after a success replays Square's answer and says no second payment was made", async () => {
    const a = await charge();
    await new Promise((r) => setTimeout(r, 5));
    const again = await fx.f.call('charges.retry', { attemptId: a.id });
    expect(again).toMatchObject({ status: 'succeeded', vendorId: a.vendorId, replayed: true, sends: 2 });
    expect(again.message).toMatch(/no second payment/);
    expect(paymentsFor(a.idempotencyKey)).toHaveLength(1);
    const listed = await fx.f.call('charges.list', { credentialId: tokenId });
    expect(listed.items.find((x) => x.id === a.id)).toMatchObject({ replayed: true, sends: 2 });
  });

  it('a key another program used with other details: IDEMPOTENCY_KEY_REUSED explained, nothing charged', async () => {
    const key = randomUUID();
    const other = await fetch(`${fx.sq.urls.sandbox}/v2/payments`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Square-Version': '2025-08-20',
        Authorization: `Bearer ${fx.sandbox.personalToken}`,
      },
      body: JSON.stringify({
        source_id: 'cnon:card-nonce-ok',
        idempotency_key: key,
        amount_money: { amount: 999, currency: 'USD' },
      }),
    });
    expect(other.status).toBe(200);
    const a = await charge({ idempotencyKey: key });
    expect(a).toMatchObject({ status: 'failed', vendorId: null, replayed: false });
    expect(a.message).toMatch(
      /already used for a payment with different details .* nothing was charged. Use "New key"/,
    );
    expect(paymentsFor(key)).toHaveLength(1); // only the other program's
  });

  it(
    'RATE_LIMITED on every send: bounded backoff (3 sends per call, 3 calls), then unknown; Retry later ' +
      'succeeds once',
    async () => {
      fx.sq.faults.always(PAYMENTS, { type: 'rate-limited' });
      const started = performance.now();
      const a = await charge();
      expect(a).toMatchObject({ status: 'unknown', sends: 9 });
      expect(a.message).toMatch(/kept rate-limiting .* sent again with the same key/);
      const sent = fx.sq.requests().filter((q) => q.path === '/v2/payments');
      expect(sent).toHaveLength(9);
      expect(sent.every((q) => q.status === 429)).toBe(true);
      // Each call waits 10 + 20 ms (+ up to 20% jitter) between its 3 sends; calls are 10 and 20 ms apart.
      expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 30 + 30);
      expect(paymentsFor(a.idempotencyKey)).toHaveLength(0);
      fx.sq.faults.clear();
      const later = await fx.f.call('charges.retry', { attemptId: a.id });
      expect(later).toMatchObject({ status: 'succeeded', sends: 10 });
      expect(paymentsFor(a.idempotencyKey)).toHaveLength(1);
    },
  );
});

describe('limits', () => {
  it('a production token never reaches Square: refused before any request', async () => {
    const prodId = await importConfirmed(fx.production.personalToken, 'production');
    fx.sq.resetObservations();
    const r = await fx.f.raw('charges.create', {
      credentialId: prodId,
      amount: 100,
      currency: 'USD',
      scenario: 'ok',
      idempotencyKey: randomUUID(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'PRODUCTION_REFUSED' } });
    expect(fx.requestsOn('production')).toEqual([]);
    expect(fx.sq.requests()).toEqual([]);
  });

  it('a token without PAYMENTS_WRITE: refused by Square, explained', async () => {
    const issued = fx.sq.issueOAuth({
      applicationId: fx.sandbox.app.id,
      merchantId: fx.sandbox.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ'],
    });
    const id = await importConfirmed(issued.accessToken, 'sandbox');
    const a = await fx.f.call('charges.create', {
      credentialId: id,
      amount: 100,
      currency: 'USD',
      scenario: 'ok',
      idempotencyKey: randomUUID(),
    });
    expect(a).toMatchObject({ status: 'failed' });
    expect(a.message).toMatch(/lacks PAYMENTS_WRITE/);
    // Once an inspection has seen its scopes, the form is told up front.
    await fx.f.call('credentials.inspect', { id });
    const r = await fx.f.raw('charges.create', {
      credentialId: id,
      amount: 100,
      currency: 'USD',
      scenario: 'ok',
      idempotencyKey: randomUUID(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});

describe('refunds', () => {
  it('refunds part, then the rest', async () => {
    const a = await charge({ amount: 1000 });
    const part = await fx.f.call('charges.refund', { attemptId: a.id, amount: 400 });
    expect(part).toMatchObject({ status: 'partially_refunded', refunds: [{ amount: 400, status: 'PENDING' }] });
    const rest = await fx.f.call('charges.refund', { attemptId: a.id });
    expect(rest.status).toBe('refunded');
    expect(
      fx.sq
        .refunds()
        .filter((r) => r.payment_id === a.vendorId)
        .map((r) => (r.amount_money as { amount: number }).amount),
    ).toEqual([400, 600]);
  });
});
