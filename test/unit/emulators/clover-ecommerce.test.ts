// PAKMS (ref §5), tokenization (ref §6), charges, refunds and idempotency (ref §7) over real HTTP.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloverEmulator, type CloverEmulator } from '../../emulators/clover';
import { CARD, call, ecommerceSetup } from './clover-helpers';

let clover: CloverEmulator;
const T0 = Date.UTC(2026, 5, 1);

beforeEach(async () => {
  clover = await startCloverEmulator({ now: () => T0 });
});
afterEach(async () => {
  await clover.close();
});

type Setup = Awaited<ReturnType<typeof ecommerceSetup>>;
const charge = (s: Setup, body: Record<string, unknown>, key: string = randomUUID(), token = s.tokens.access_token) =>
  call(s.base, 'POST', '/v1/charges', { token, headers: { 'idempotency-key': key }, body });

describe('PAKMS', () => {
  it('creates the key on first GET and returns it after; ms times; app and merchant from the token', async () => {
    const s = clover.seed.connectedMerchant();
    const sb = clover.urls.sandbox;
    const r1 = await call(sb, 'GET', '/pakms/apikey', { token: s.tokens.access_token });
    expect(r1.status).toBe(200);
    expect(r1.json).toEqual({
      active: true,
      apiAccessKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      createdTime: T0,
      developerAppUuid: s.app.id,
      merchantUuid: s.merchant.id,
      modifiedTime: T0,
    });
    clover.advance(60_000);
    const r2 = await call(sb, 'GET', '/pakms/apikey', {
      token: clover.seed.v2Tokens({ appId: s.app.id, merchantId: s.merchant.id }).access_token,
    });
    expect(r2.json).toEqual(r1.json);
    const otherApp = clover.seed.app();
    clover.seed.install({ appId: otherApp.id, merchantId: s.merchant.id });
    const r3 = await call(sb, 'GET', '/pakms/apikey', {
      token: clover.seed.v2Tokens({ appId: otherApp.id, merchantId: s.merchant.id }).access_token,
    });
    expect(r3.json.apiAccessKey).not.toBe(r1.json.apiAccessKey);
  });

  it('401 without PROCESS_CARDS, for merchant test tokens and in the other environment', async () => {
    const noCards = clover.seed.connectedMerchant({ permissions: ['MERCHANT_R'] });
    const sb = clover.urls.sandbox;
    expect((await call(sb, 'GET', '/pakms/apikey', { token: noCards.tokens.access_token })).status).toBe(401);
    const mt = clover.seed.merchantTestToken({ merchantId: noCards.merchant.id, permissions: ['PROCESS_CARDS'] });
    expect((await call(sb, 'GET', '/pakms/apikey', { token: mt.value })).status).toBe(401);
    const ok = clover.seed.connectedMerchant();
    expect((await call(clover.urls.production, 'GET', '/pakms/apikey', { token: ok.tokens.access_token })).status).toBe(
      401,
    );
  });
});

describe('tokenization', () => {
  it('turns a card into a clv_ token with the ref §6 shape (PAKMS key or Ecommerce public key)', async () => {
    const s = await ecommerceSetup(clover);
    const r = await call(s.base, 'POST', '/v1/tokens', {
      apikey: s.apiKey,
      body: { card: { ...CARD, number: '6011361000006668', brand: 'DISCOVER' } },
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      id: expect.stringMatching(/^clv_1TST[A-Za-z0-9]+$/),
      object: 'token',
      card: { exp_month: '12', exp_year: '2035', first6: '601136', last4: '6668', brand: 'DISCOVER' },
    });
    const keys = clover.seed.ecommerceKeys({ merchantId: s.merchant.id });
    expect(
      (await call(s.base, 'POST', '/v1/tokens', { apikey: keys.publicKey.value, body: { card: CARD } })).status,
    ).toBe(200);
    const none = await call(s.base, 'POST', '/v1/tokens', { body: { card: CARD } });
    expect(none).toMatchObject({ status: 401, json: { type: 'authentication_error' } });
    expect(
      (await call(clover.urls.production, 'POST', '/v1/tokens', { apikey: s.apiKey, body: { card: CARD } })).status,
    ).toBe(401);
  });

  it.each([
    [{ number: '4242-4242' }, 'invalid_number', 'card[number]'],
    [{ number: '4242424242424241' }, 'incorrect_number', 'card[number]'],
    [{ brand: 'MC' }, 'invalid_card_type', 'card[brand]'],
    [{ exp_month: '13' }, 'invalid_expiry_month', 'card[exp_month]'],
    [{ exp_year: '35' }, 'invalid_expiry_year', 'card[exp_year]'],
    [{ exp_month: '5', exp_year: '2026' }, 'expired_card', 'card[exp_year]'],
    [{ cvv: '12' }, 'invalid_cvc', 'card[cvv]'],
  ])('card %j -> %s', async (patch, code, param) => {
    const s = await ecommerceSetup(clover);
    const r = await call(s.base, 'POST', '/v1/tokens', { apikey: s.apiKey, body: { card: { ...CARD, ...patch } } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ type: 'card_error', code, param });
  });

  it('missing fields -> missing, unknown or mistyped fields -> invalid_request', async () => {
    const s = await ecommerceSetup(clover);
    const { cvv: _cvv, ...noCvv } = CARD;
    const missing = await call(s.base, 'POST', '/v1/tokens', { apikey: s.apiKey, body: { card: noCvv } });
    expect(missing.json).toMatchObject({ type: 'invalid_request_error', code: 'missing', param: 'card[cvv]' });
    const extra = await call(s.base, 'POST', '/v1/tokens', {
      apikey: s.apiKey,
      body: { card: { ...CARD, encrypted_pan: 'x' } },
    });
    expect(extra.json).toMatchObject({ code: 'invalid_request', param: 'card[encrypted_pan]' });
    const typed = await call(s.base, 'POST', '/v1/tokens', {
      apikey: s.apiKey,
      body: { card: { ...CARD, exp_month: 12 } },
    });
    expect(typed).toMatchObject({ status: 400, json: { code: 'invalid_request', param: 'card[exp_month]' } });
  });
});

describe('charges', () => {
  it('approves 4242 with the ref §7 fields', async () => {
    const s = await ecommerceSetup(clover);
    const source = await s.tokenize();
    const r = await charge(s, {
      amount: 1100,
      currency: 'usd',
      source,
      capture: true,
      ecomind: 'ecom',
      tax_amount: 100,
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      id: expect.stringMatching(/^[A-Z0-9]{13}$/),
      amount: 1100,
      tax_amount: 100,
      amount_refunded: 0,
      currency: 'usd',
      created: T0,
      captured: true,
      paid: true,
      status: 'succeeded',
      refunded: false,
      ref_num: expect.stringMatching(/^\d{12}$/),
      auth_code: expect.any(String),
      outcome: { network_status: 'approved_by_network', type: 'authorized' },
      source: { id: source, last4: '4242', first6: '424242', brand: 'VISA' },
    });
  });

  it('same key + body replays the first answer, one charge stored; other body -> idempotency_error', async () => {
    const s = await ecommerceSetup(clover);
    const source = await s.tokenize();
    const key = randomUUID();
    const body = { amount: 500, currency: 'usd', source, capture: true };
    const first = await charge(s, body, key);
    const replay = await charge(s, { capture: true, source, currency: 'usd', amount: 500 }, key); // key order differs
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(first.text);
    expect(clover.inspect.chargeCount()).toBe(1);
    expect(clover.inspect.charges({ idempotencyKey: key })).toHaveLength(1);
    const conflict = await charge(s, { ...body, amount: 501 }, key);
    expect(conflict.status).toBe(400);
    expect(conflict.json).toMatchObject({ type: 'idempotency_error' });
    expect(clover.inspect.chargeCount()).toBe(1);
    expect(clover.inspect.requests({ path: '/v1/charges' }).map((e) => e.idempotencyKey)).toEqual([key, key, key]);
  });

  it('the key is required and must be a v4 UUID', async () => {
    const s = await ecommerceSetup(clover);
    const source = await s.tokenize();
    const body = { amount: 500, currency: 'usd', source };
    const none = await call(s.base, 'POST', '/v1/charges', { token: s.tokens.access_token, body });
    expect(none).toMatchObject({ status: 400, json: { type: 'invalid_request_error', param: 'idempotency-key' } });
    const v1 = await charge(s, body, 'd9428888-122b-11e1-b85c-61cd3cbb3210');
    expect(v1).toMatchObject({ status: 400, json: { type: 'invalid_request_error' } });
    const short = await charge(s, body, 'ABCDEFGHIJKLM');
    expect(short.status).toBe(400);
    expect(clover.inspect.chargeCount()).toBe(0);
  });

  it.each([
    [{ amount: 100_000_000 }, 'amount', 'amount_too_large'],
    [{ amount: 0 }, 'amount', 'invalid_charge_amount'],
    [{ amount: 10.5 }, 'amount', 'invalid_charge_amount'],
    [{ currency: 'USD' }, 'currency', undefined],
    [{ currency: 'eur' }, 'currency', undefined],
    [{ tip_amount: -1 }, 'tip_amount', 'invalid_tip_amount'],
    [{ receipt_email: 'nope' }, 'receipt_email', 'email_invalid'],
    [{ external_reference_id: 'X'.repeat(13) }, 'external_reference_id', undefined],
    [{ metadata: {} }, 'metadata', undefined],
    [{ source: 'tok_123' }, 'source', undefined],
  ])('rejects %j as invalid_request_error on %s', async (patch, param, code) => {
    const s = await ecommerceSetup(clover);
    const source = await s.tokenize();
    const r = await charge(s, { amount: 500, currency: 'usd', source, ...patch });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ type: 'invalid_request_error', param });
    expect(r.json.code).toBe(code);
  });

  it('accepts 99999999 (the limit itself)', async () => {
    const s = await ecommerceSetup(clover);
    expect((await charge(s, { amount: 99_999_999, currency: 'usd', source: await s.tokenize() })).status).toBe(200);
  });

  it.each([
    ['4005571702222222', 'VISA', 'generic_decline'],
    ['4005578003333335', 'VISA', 'partial_approval'],
  ])('declines %s with 402 card_declined (%s)', async (number, brand, decline) => {
    const s = await ecommerceSetup(clover);
    const source = await s.tokenize({ number, brand });
    const r = await charge(s, { amount: 700, currency: 'usd', source });
    expect(r.status).toBe(402);
    expect(r.json).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: decline,
      charge: expect.any(String),
    });
    expect(clover.inspect.charges()).toMatchObject([{ id: r.json.charge, status: 'failed' }]);
  });

  it.each([
    ['378282246310005', 'AMEX', '1234'],
    ['371449635398431', 'AMEX', '1234'],
    ['30569309025904', 'DINERS_CLUB', '123'],
  ])('approves %s (%s)', async (number, brand, cvv) => {
    const s = await ecommerceSetup(clover);
    const r = await charge(s, { amount: 700, currency: 'usd', source: await s.tokenize({ number, brand, cvv }) });
    expect(r.status).toBe(200);
    expect(r.json.source).toMatchObject({ brand, last4: number.slice(-4) });
  });

  it('a card token is single-use, and belongs to its merchant', async () => {
    const s = await ecommerceSetup(clover);
    const source = await s.tokenize();
    expect((await charge(s, { amount: 100, currency: 'usd', source })).status).toBe(200);
    const again = await charge(s, { amount: 100, currency: 'usd', source });
    expect(again).toMatchObject({ status: 400, json: { code: 'token_already_used', param: 'source' } });
    const other = await ecommerceSetup(clover);
    const foreign = await charge(other, { amount: 100, currency: 'usd', source: await s.tokenize() });
    expect(foreign.json).toMatchObject({ code: 'resource_missing', param: 'source' });
  });

  it('Ecommerce private key works; PAKMS key, token without PROCESS_CARDS, wrong-env token do not', async () => {
    const s = await ecommerceSetup(clover);
    const { privateKey } = clover.seed.ecommerceKeys({ merchantId: s.merchant.id });
    expect(
      (await charge(s, { amount: 100, currency: 'usd', source: await s.tokenize() }, undefined, privateKey.value))
        .status,
    ).toBe(200);
    const body = { amount: 100, currency: 'usd', source: await s.tokenize() };
    expect((await charge(s, body, undefined, s.apiKey)).status).toBe(401);
    const noCards = clover.seed.connectedMerchant({ permissions: ['MERCHANT_R'] });
    const r = await charge(s, body, undefined, noCards.tokens.access_token);
    expect(r).toMatchObject({ status: 401, json: { type: 'authentication_error' } });
    const prodUrl = clover.urls.production;
    const wrongEnv = await call(prodUrl, 'POST', '/v1/charges', {
      token: s.tokens.access_token,
      headers: { 'idempotency-key': randomUUID() },
      body,
    });
    expect(wrongEnv.status).toBe(401);
  });

  it('works the same on the production listener with production credentials', async () => {
    const p = await ecommerceSetup(clover, 'production');
    const r = await charge(p, { amount: 250, currency: 'usd', source: await p.tokenize() });
    expect(r.status).toBe(200);
    expect(clover.inspect.chargeCount({ environment: 'production' })).toBe(1);
    expect(clover.inspect.chargeCount({ environment: 'sandbox' })).toBe(0);
  });

  it('errorEnvelope: nested puts the fields under `error`', async () => {
    await clover.close();
    clover = await startCloverEmulator({ now: () => T0, errorEnvelope: 'nested' });
    const s = await ecommerceSetup(clover);
    const r = await charge(s, { amount: 0, currency: 'usd', source: await s.tokenize() });
    expect(r.json).toEqual({ error: expect.objectContaining({ type: 'invalid_request_error', param: 'amount' }) });
  });
});

describe('refunds', () => {
  it('partial refunds up to the charged amount, then charge_already_refunded', async () => {
    const s = await ecommerceSetup(clover);
    const c = await charge(s, { amount: 1000, currency: 'usd', source: await s.tokenize() });
    const refund = (body: Record<string, unknown>) =>
      call(s.base, 'POST', '/v1/refunds', { token: s.tokens.access_token, body });
    const r1 = await refund({ charge: c.json.id, amount: 400, reason: 'requested_by_customer' });
    expect(r1.status).toBe(200);
    expect(r1.json).toEqual({
      id: expect.stringMatching(/^[A-Z0-9]{13}$/),
      object: 'refund',
      amount: 400,
      charge: c.json.id,
      created: T0,
      status: 'succeeded',
      reason: 'requested_by_customer',
    });
    expect(await refund({ charge: c.json.id, amount: 700 })).toMatchObject({ status: 400, json: { param: 'amount' } });
    expect((await refund({ charge: c.json.id })).json).toMatchObject({ amount: 600 });
    expect((await refund({ charge: c.json.id, amount: 1 })).json).toMatchObject({ code: 'charge_already_refunded' });
    expect((await refund({ charge: 'NOSUCHCHARGE1' })).json).toMatchObject({
      code: 'resource_missing',
      param: 'charge',
    });
    expect((await refund({ charge: c.json.id, reason: 'because' })).json).toMatchObject({ param: 'reason' });
    expect(clover.inspect.refunds().map((r) => r.amount)).toEqual([400, 600]);
    expect(clover.inspect.charges()[0]).toMatchObject({ amountRefunded: 1000 });
  });

  it('a refund sent with an idempotency key is replayed, not repeated', async () => {
    const s = await ecommerceSetup(clover);
    const c = await charge(s, { amount: 1000, currency: 'usd', source: await s.tokenize() });
    const key = randomUUID();
    const send = () =>
      call(s.base, 'POST', '/v1/refunds', {
        token: s.tokens.access_token,
        headers: { 'idempotency-key': key },
        body: { charge: c.json.id, amount: 300 },
      });
    const a = await send();
    const b = await send();
    expect(b.text).toBe(a.text);
    expect(clover.inspect.refunds()).toHaveLength(1);
  });
});
