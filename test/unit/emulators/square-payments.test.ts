// Payments and refunds on the local Square: test nonces, idempotent replay, IDEMPOTENCY_KEY_REUSED,
// complete/cancel, listing, refunds. Over real HTTP; every exchange checked against Square's schemas.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedBasicWorld, startSquareEmulator, type BasicWorld, type SquareEmulator } from '../../emulators/square';
import { call, errorCode, expectNoViolations, newKey, type CallResult } from './square-http';

let sq: SquareEmulator;
let sb: BasicWorld;

beforeAll(async () => {
  sq = await startSquareEmulator();
  sb = seedBasicWorld(sq, 'sandbox');
});
afterAll(() => sq.close());
afterEach(() => expectNoViolations(sq));

const pay = (body: Record<string, unknown>, token = sb.personalToken, env: 'sandbox' | 'production' = 'sandbox') =>
  call(sq.urls[env], 'POST', '/v2/payments', { token, body });
const payment = (extra: Record<string, unknown> = {}) => ({
  source_id: 'cnon:card-nonce-ok',
  idempotency_key: newKey(),
  amount_money: { amount: 1000, currency: 'USD' },
  ...extra,
});
const refund = (body: Record<string, unknown>) =>
  call(sq.urls.sandbox, 'POST', '/v2/refunds', { token: sb.personalToken, body });
const countByKey = (key: string) => sq.payments({ idempotencyKey: key }).length;

describe('test nonces', () => {
  it('cnon:card-nonce-ok: COMPLETED, CAPTURED, receipt, main location by default', async () => {
    const body = payment({ note: 'Brief description', reference_id: '123456' });
    const r = await pay(body);
    expect(r.status).toBe(200);
    expect(r.body.payment).toMatchObject({
      status: 'COMPLETED',
      location_id: sb.merchant.mainLocationId,
      amount_money: { amount: 1000, currency: 'USD' },
      total_money: { amount: 1000, currency: 'USD' },
      source_type: 'CARD',
      note: 'Brief description',
      reference_id: '123456',
      card_details: { status: 'CAPTURED', card: { card_brand: 'VISA', last_4: '1111' } },
    });
    expect(r.body.payment.receipt_url).toMatch(/^https:\/\/squareupsandbox\.com\/receipt\/preview\//);
    expect(r.body.errors).toBeUndefined();
    expect(sq.paymentByIdempotencyKey(body.idempotency_key)?.id).toBe(r.body.payment.id);
  });

  it.each([
    ['cnon:card-nonce-declined', 'GENERIC_DECLINE', 'CVV_ACCEPTED', 'AVS_ACCEPTED'],
    ['cnon:card-nonce-rejected-cvv', 'CVV_FAILURE', 'CVV_REJECTED', 'AVS_ACCEPTED'],
    ['cnon:card-nonce-rejected-postalcode', 'ADDRESS_VERIFICATION_FAILURE', 'CVV_ACCEPTED', 'AVS_REJECTED'],
    ['cnon:card-nonce-rejected-expiration', 'INVALID_EXPIRATION', 'CVV_ACCEPTED', 'AVS_ACCEPTED'],
  ])('%s: errors[] with %s AND a FAILED payment', async (source, code, cvv, avs) => {
    const before = sq.payments({ status: 'FAILED' }).length;
    const r = await pay(payment({ source_id: source }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { category: 'PAYMENT_METHOD_ERROR', code, detail: `Authorization error: '${code}'` },
    ]);
    expect(r.body.payment).toMatchObject({
      status: 'FAILED',
      card_details: { status: 'FAILED', cvv_status: cvv, avs_status: avs },
    });
    expect(r.body.payment.receipt_url).toBeUndefined();
    expect(sq.payments({ status: 'FAILED' })).toHaveLength(before + 1);
  });

  it('cnon:card-nonce-already-used: CARD_TOKEN_USED and no payment', async () => {
    const before = sq.payments().length;
    const r = await pay(payment({ source_id: 'cnon:card-nonce-already-used' }));
    expect([r.status, errorCode(r), r.body.payment]).toEqual([400, 'CARD_TOKEN_USED', undefined]);
    expect(sq.payments()).toHaveLength(before);
  });

  it('card on file needs customer_id; unknown sources are refused', async () => {
    expect(errorCode(await pay(payment({ source_id: 'ccof:customer-card-id-ok' })))).toBe('MISSING_REQUIRED_PARAMETER');
    const ok = await pay(payment({ source_id: 'ccof:customer-card-id-ok', customer_id: 'W92WH6P11H4Z77CTET0RNTGFW8' }));
    expect(ok.body.payment.card_details.entry_method).toBe('ON_FILE');
    expect(errorCode(await pay(payment({ source_id: 'cnon:made-up' })))).toBe('INVALID_CARD_DATA');
  });

  it('the decline status can be 402 (the real one is UNCONFIRMED)', async () => {
    const other = await startSquareEmulator({ declineStatus: 402 });
    try {
      const w = seedBasicWorld(other, 'sandbox');
      const r = await call(other.urls.sandbox, 'POST', '/v2/payments', {
        token: w.personalToken,
        body: payment({ source_id: 'cnon:card-nonce-declined' }),
      });
      expect([r.status, errorCode(r), r.body.payment.status]).toEqual([402, 'GENERIC_DECLINE', 'FAILED']);
      expectNoViolations(other);
    } finally {
      await other.close();
    }
  });

  it('production refuses sandbox test values', async () => {
    const prod = seedBasicWorld(sq, 'production');
    const r = await pay(payment(), prod.personalToken, 'production');
    expect([r.status, errorCode(r)]).toEqual([400, 'INVALID_CARD_DATA']);
    expect(sq.payments({ environment: 'production' })).toEqual([]);
  });
});

describe('idempotency', () => {
  it('same key, same body: the first response again, one payment stored', async () => {
    const body = payment();
    const first = await pay(body);
    const again = await pay(body);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(countByKey(body.idempotency_key)).toBe(1);
  });

  it('concurrent retries with one key create one payment', async () => {
    const body = payment();
    const results = await Promise.all(Array.from({ length: 6 }, () => pay(body)));
    expect(new Set(results.map((r) => r.body.payment.id)).size).toBe(1);
    expect(countByKey(body.idempotency_key)).toBe(1);
  });

  it('same key, other body: the exact IDEMPOTENCY_KEY_REUSED body of ref §5', async () => {
    const body = payment();
    await pay(body);
    const r = await pay({ ...body, amount_money: { amount: 1001, currency: 'USD' } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errors: [
        {
          category: 'INVALID_REQUEST_ERROR',
          code: 'IDEMPOTENCY_KEY_REUSED',
          detail: 'The idempotency key can only be retried with the same request data.',
          field: 'idempotency_key',
        },
      ],
    });
    expect(countByKey(body.idempotency_key)).toBe(1);
  });

  it('a replayed decline is the same decline, not a second attempt', async () => {
    const body = payment({ source_id: 'cnon:card-nonce-declined' });
    const first = await pay(body);
    const again = await pay(body);
    expect([again.status, again.text]).toEqual([first.status, first.text]);
    expect(countByKey(body.idempotency_key)).toBe(1);
  });

  it('a key longer than 45 characters breaks the contract: 400 VALUE_TOO_LONG, recorded, nothing stored', async () => {
    const before = sq.payments().length;
    const r = await pay(payment({ idempotency_key: 'k'.repeat(46) }));
    expect([r.status, errorCode(r), r.body.errors[0].field]).toEqual([400, 'VALUE_TOO_LONG', 'idempotency_key']);
    expect(sq.contractViolations()).toHaveLength(1);
    expect(sq.payments()).toHaveLength(before);
    sq.resetObservations();
  });

  it('a field Square does not define is refused as UNKNOWN_BODY_PARAMETER (strict contract)', async () => {
    const r = await pay(payment({ charge_now: true }));
    expect([r.status, errorCode(r), r.body.errors[0].field]).toEqual([400, 'UNKNOWN_BODY_PARAMETER', 'charge_now']);
    sq.resetObservations();
  });
});

describe('locations, amounts and scopes', () => {
  it('refuses a location without CREDIT_CARD_PROCESSING, an inactive or unknown one', async () => {
    const noCard = await pay(payment({ location_id: sb.noCardLocationId }));
    expect([noCard.status, errorCode(noCard)]).toEqual([400, 'CARD_PROCESSING_NOT_ENABLED']);
    const m = sq.createMerchant({ environment: 'sandbox', locations: [{}, { status: 'INACTIVE' }] });
    const t = sq.createPersonalToken({ applicationId: sb.app.id, merchantId: m.id });
    expect(errorCode(await pay(payment({ location_id: m.locationIds[1] }), t))).toBe('CARD_PROCESSING_NOT_ENABLED');
    expect((await pay(payment({ location_id: m.mainLocationId }))).status).toBe(404); // another seller's
  });

  it("needs amount_money, a positive amount and the location's currency", async () => {
    expect(errorCode(await pay(payment({ amount_money: undefined })))).toBe('MISSING_REQUIRED_PARAMETER');
    expect(errorCode(await pay(payment({ amount_money: { amount: 0, currency: 'USD' } })))).toBe('VALUE_TOO_LOW');
    const eur = await pay(payment({ amount_money: { amount: 100, currency: 'EUR' } }));
    expect([errorCode(eur), eur.body.errors[0].field]).toEqual(['INVALID_VALUE', 'amount_money.currency']);
  });

  it('PAYMENTS_WRITE to pay, PAYMENTS_READ to read', async () => {
    const readOnly = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['PAYMENTS_READ'],
    });
    const r = await pay(payment(), readOnly.accessToken);
    expect([r.status, errorCode(r)]).toEqual([403, 'INSUFFICIENT_SCOPES']);
    const writeOnly = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['PAYMENTS_WRITE'],
    });
    expect((await pay(payment(), writeOnly.accessToken)).status).toBe(200);
    expect((await call(sq.urls.sandbox, 'GET', '/v2/payments', { token: writeOnly.accessToken })).status).toBe(403);
    expect((await call(sq.urls.sandbox, 'GET', '/v2/payments', { token: readOnly.accessToken })).status).toBe(200);
  });
});

describe('complete, cancel, read', () => {
  const post = (path: string, body?: unknown) => call(sq.urls.sandbox, 'POST', path, { token: sb.personalToken, body });

  it('autocomplete false holds an APPROVED payment until completed', async () => {
    const r = await pay(payment({ autocomplete: false }));
    expect(r.body.payment).toMatchObject({ status: 'APPROVED', card_details: { status: 'AUTHORIZED' } });
    expect(r.body.payment.receipt_url).toBeUndefined();
    const done = await post(`/v2/payments/${r.body.payment.id}/complete`, {});
    expect(done.body.payment).toMatchObject({ status: 'COMPLETED', card_details: { status: 'CAPTURED' } });
    const again = await post(`/v2/payments/${r.body.payment.id}/complete`, {});
    expect([again.status, errorCode(again)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('cancel voids an APPROVED payment; a stale version_token is refused', async () => {
    const r = await pay(payment({ autocomplete: false }));
    const stale = await post(`/v2/payments/${r.body.payment.id}/complete`, { version_token: 'stale' });
    expect(errorCode(stale)).toBe('INVALID_VALUE');
    const canceled = await post(`/v2/payments/${r.body.payment.id}/cancel`);
    expect(canceled.body.payment).toMatchObject({ status: 'CANCELED', card_details: { status: 'VOIDED' } });
  });

  it('GET /v2/payments/{id}; another seller cannot see it', async () => {
    const r = await pay(payment());
    const got = await call(sq.urls.sandbox, 'GET', `/v2/payments/${r.body.payment.id}`, { token: sb.personalToken });
    expect(got.body.payment.id).toBe(r.body.payment.id);
    const other = seedBasicWorld(sq, 'sandbox');
    const hidden = await call(sq.urls.sandbox, 'GET', `/v2/payments/${r.body.payment.id}`, {
      token: other.personalToken,
    });
    expect([hidden.status, errorCode(hidden)]).toEqual([404, 'NOT_FOUND']);
  });

  it('GET /v2/payments: newest first, pages with a cursor, an empty list left out', async () => {
    const w = seedBasicWorld(sq, 'sandbox');
    const list = (query = '') => call(sq.urls.sandbox, 'GET', `/v2/payments${query}`, { token: w.personalToken });
    expect((await list()).body).toEqual({});
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      sq.advance(1000);
      const r: CallResult = await call(sq.urls.sandbox, 'POST', '/v2/payments', {
        token: w.personalToken,
        body: payment(),
      });
      ids.push(r.body.payment.id);
    }
    const page1 = await list('?limit=2');
    expect(page1.body.payments.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    const page2 = await list(`?limit=2&cursor=${page1.body.cursor}`);
    expect(page2.body.payments.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(page2.body.cursor).toBeUndefined();
    const asc = await list('?sort_order=ASC');
    expect(asc.body.payments.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(errorCode(await list('?cursor=bm9wZQ'))).toBe('INVALID_CURSOR');
  });
});

describe('refunds', () => {
  it('refunds a COMPLETED payment up to its amount, PENDING, recorded on the payment', async () => {
    const p = (await pay(payment())).body.payment;
    const first = await refund({
      idempotency_key: newKey(),
      payment_id: p.id,
      reason: 'Returned',
      amount_money: { amount: 600, currency: 'USD' },
    });
    expect(first.status).toBe(200);
    expect(first.body.refund).toMatchObject({
      payment_id: p.id,
      status: 'PENDING',
      reason: 'Returned',
      amount_money: { amount: 600, currency: 'USD' },
      location_id: p.location_id,
    });
    const over = await refund({
      idempotency_key: newKey(),
      payment_id: p.id,
      amount_money: { amount: 401, currency: 'USD' },
    });
    expect([over.status, errorCode(over), over.body.errors[0].category]).toEqual([
      400,
      'REFUND_AMOUNT_INVALID',
      'REFUND_ERROR',
    ]);
    const rest = await refund({
      idempotency_key: newKey(),
      payment_id: p.id,
      amount_money: { amount: 400, currency: 'USD' },
    });
    expect(rest.status).toBe(200);
    const after = sq.payments().find((x) => x.id === p.id);
    expect(after?.refunded_money).toEqual({ amount: 1000, currency: 'USD' });
    expect(after?.refund_ids).toEqual([first.body.refund.id, rest.body.refund.id]);
  });

  it('same key: the same refund once; other body: IDEMPOTENCY_KEY_REUSED', async () => {
    const p = (await pay(payment())).body.payment;
    const body = { idempotency_key: newKey(), payment_id: p.id, amount_money: { amount: 100, currency: 'USD' } };
    const before = sq.refunds().length;
    const [a, b] = [await refund(body), await refund(body)];
    expect(b.text).toBe(a.text);
    expect(sq.refunds()).toHaveLength(before + 1);
    const reused = await refund({ ...body, amount_money: { amount: 200, currency: 'USD' } });
    expect(errorCode(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses APPROVED, FAILED and unknown payments', async () => {
    const approved = (await pay(payment({ autocomplete: false }))).body.payment;
    const failed = (await pay(payment({ source_id: 'cnon:card-nonce-declined' }))).body.payment;
    const ask = (paymentId: string) =>
      refund({ idempotency_key: newKey(), payment_id: paymentId, amount_money: { amount: 100, currency: 'USD' } });
    expect(errorCode(await ask(approved.id))).toBe('REFUND_ERROR_PAYMENT_NEEDS_COMPLETION');
    expect(errorCode(await ask(failed.id))).toBe('PAYMENT_NOT_REFUNDABLE');
    expect((await ask('nope')).status).toBe(404);
  });
});
