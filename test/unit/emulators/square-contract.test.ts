// The contract check itself: it must accept what Square's schemas allow and catch what they do not,
// on requests and responses, or every "zero violations" assertion elsewhere would prove nothing.
import { describe, expect, it } from 'vitest';
import { createContractValidator, squareContract } from '../../emulators/square';
import { squareSpec } from '../../emulators/square/spec';

const contract = squareContract();
const bearer = { authorization: 'Bearer EAAAexample', 'content-type': 'application/json' };
const example = (name: string): unknown => (squareSpec().components.schemas[name] as { example?: unknown }).example;
const keywords = (v: { keyword: string; field: string }[]) => v.map((x) => `${x.keyword}:${x.field}`).sort();

const goodPayment = {
  source_id: 'cnon:card-nonce-ok',
  idempotency_key: '7b0f3ec5-086a-4871-8f13-3c81b3875218',
  amount_money: { amount: 1000, currency: 'USD' },
  location_id: 'L88917AVBK2S5',
};

describe('operation matching', () => {
  it('matches /v2/merchants/me to /v2/merchants/{merchant_id} and literal paths exactly', () => {
    expect(contract.matchOperation('GET', '/v2/merchants/me')).toMatchObject({
      operationId: 'RetrieveMerchant',
      template: '/v2/merchants/{merchant_id}',
      pathParams: { merchant_id: 'me' },
    });
    expect(contract.matchOperation('GET', '/v2/merchants')?.operationId).toBe('ListMerchants');
    expect(contract.matchOperation('POST', '/oauth2/token/status')?.operationId).toBe('RetrieveTokenStatus');
    expect(contract.matchOperation('POST', '/v2/payments/P1/complete')?.pathParams).toEqual({ payment_id: 'P1' });
  });

  it('flags unknown paths and wrong methods', () => {
    expect(keywords(contract.validateRequest({ method: 'GET', path: '/v2/customers', headers: bearer }))).toEqual([
      'unknownOperation:',
    ]);
    expect(keywords(contract.validateRequest({ method: 'DELETE', path: '/v2/payments', headers: bearer }))).toEqual([
      'methodNotAllowed:',
    ]);
  });
});

describe('the vendored schemas', () => {
  it('compile for every operation, request and response, in strict and loose mode', () => {
    const loose = createContractValidator({ strict: false });
    const ops = Object.entries(squareSpec().paths).flatMap(([path, byMethod]) =>
      Object.keys(byMethod).map((method) => ({ method, path: path.replace(/\{[^}]+\}/g, 'X') })),
    );
    expect(ops).toHaveLength(13);
    for (const v of [contract, loose]) {
      for (const op of ops) {
        expect(() => v.validateRequest({ ...op, headers: bearer, body: {} })).not.toThrow();
        expect(v.validateResponse({ ...op, status: 200, body: {} })).toEqual([]);
      }
    }
  });
});

describe('requests', () => {
  it('accepts a request Square documents', () => {
    expect(
      contract.validateRequest({ method: 'POST', path: '/v2/payments', headers: bearer, body: goodPayment }),
    ).toEqual([]);
    expect(
      contract.validateRequest({
        method: 'POST',
        path: '/oauth2/token',
        headers: { 'content-type': 'application/json' },
        body: example('ObtainTokenRequest'),
      }),
    ).toEqual([]);
    expect(
      contract.validateRequest({
        method: 'GET',
        path: '/v2/payments',
        headers: bearer,
        query: new URLSearchParams('limit=10&sort_order=ASC&sort_field=CREATED_AT'),
      }),
    ).toEqual([]);
  });

  it('catches a deliberately malformed payment request', () => {
    const bad = {
      idempotency_key: 'k'.repeat(46),
      amount_money: { amount: '10.00', currency: 'USD' },
      source: 'cnon:card-nonce-ok',
    };
    expect(
      keywords(contract.validateRequest({ method: 'POST', path: '/v2/payments', headers: bearer, body: bad })),
    ).toEqual([
      'additionalProperties:source',
      'maxLength:idempotency_key',
      'required:source_id',
      'type:amount_money.amount',
    ]);
  });

  it('strict mode flags fields Square does not define, also nested; the loose mode does not', () => {
    const body = { ...goodPayment, amount_money: { amount: 1, currency: 'USD', cents: 1 }, charge_now: true };
    expect(keywords(contract.validateRequest({ method: 'POST', path: '/v2/payments', headers: bearer, body }))).toEqual(
      ['additionalProperties:amount_money.cents', 'additionalProperties:charge_now'],
    );
    const loose = createContractValidator({ strict: false });
    expect(loose.validateRequest({ method: 'POST', path: '/v2/payments', headers: bearer, body })).toEqual([]);
  });

  it('refuses any body on an operation that declares none, and a missing one where it is required', () => {
    const status = { method: 'POST', path: '/oauth2/token/status', headers: bearer };
    expect(contract.validateRequest({ ...status, rawBody: '' })).toEqual([]);
    expect(keywords(contract.validateRequest({ ...status, rawBody: '{}' }))).toEqual(['unexpectedBody:']);
    expect(
      keywords(
        contract.validateRequest({ method: 'POST', path: '/v2/payments/P1/complete', headers: bearer, rawBody: '' }),
      ),
    ).toEqual(['required:']);
  });

  it('checks the Authorization scheme, Content-Type, JSON syntax and the Square-Version format', () => {
    expect(keywords(contract.validateRequest({ method: 'GET', path: '/v2/locations', headers: {} }))).toEqual([
      'security:Authorization',
    ]);
    const revoke = { method: 'POST', path: '/oauth2/revoke', body: { client_id: 'sq0idp-x', merchant_id: 'M1' } };
    expect(keywords(contract.validateRequest({ ...revoke, headers: bearer }))).toEqual(['security:Authorization']);
    expect(contract.validateRequest({ ...revoke, headers: { ...bearer, authorization: 'Client sq0csp-x' } })).toEqual(
      [],
    );
    expect(
      keywords(
        contract.validateRequest({
          method: 'POST',
          path: '/v2/payments',
          headers: { ...bearer, 'content-type': 'text/plain' },
          body: goodPayment,
        }),
      ),
    ).toEqual(['contentType:Content-Type']);
    expect(
      keywords(
        contract.validateRequest({ method: 'POST', path: '/v2/payments', headers: bearer, rawBody: '{"source_id":' }),
      ),
    ).toEqual(['notJson:']);
    for (const bad of ['2025-13-01', '2025-02-30', 'latest']) {
      expect(
        keywords(
          contract.validateRequest({
            method: 'GET',
            path: '/v2/locations',
            headers: { ...bearer, 'square-version': bad },
          }),
        ),
      ).toEqual(['squareVersion:Square-Version']);
    }
  });

  it('checks query parameters: unknown names, types, enums', () => {
    const q = new URLSearchParams('limit=ten&sort_field=NAME&colour=red');
    expect(
      keywords(contract.validateRequest({ method: 'GET', path: '/v2/payments', headers: bearer, query: q })),
    ).toEqual(['additionalProperties:colour', 'enum:sort_field', 'type:limit']);
  });

  it('never quotes a value in a violation (values may be secrets)', () => {
    const secret = 'EAAAsecretvalue1234567890';
    const out = contract.validateRequest({
      method: 'POST',
      path: '/oauth2/token',
      headers: { 'content-type': 'application/json' },
      body: { client_id: 'x', grant_type: 'refresh_token', refresh_token: 1, token: secret },
    });
    expect(out.length).toBeGreaterThan(0);
    expect(JSON.stringify(out)).not.toContain(secret);
  });
});

describe('responses', () => {
  it("accepts Square's own examples", () => {
    expect(
      contract.validateResponse({
        method: 'POST',
        path: '/oauth2/token',
        status: 200,
        body: example('ObtainTokenResponse'),
      }),
    ).toEqual([]);
    expect(
      contract.validateResponse({ method: 'GET', path: '/v2/locations', status: 200, body: { locations: [] } }),
    ).toEqual([]);
  });

  it("documents a vendor quirk: Square's own payment example fails only RiskEvaluation.required", () => {
    // SPEC RiskEvaluation requires a `status` it never defines; the stand-in leaves risk_evaluation out.
    expect(
      keywords(
        contract.validateResponse({
          method: 'POST',
          path: '/v2/payments',
          status: 200,
          body: example('CreatePaymentResponse'),
        }),
      ),
    ).toEqual(['required:payment.risk_evaluation.status']);
  });

  it('catches a deliberately malformed response', () => {
    const bad = { access_token: 'EAAAx', token_type: 'bearer-token-x', expires_at: 'tomorrow', refresh: 'EQAAx' };
    expect(
      keywords(contract.validateResponse({ method: 'POST', path: '/oauth2/token', status: 200, body: bad })),
    ).toEqual(['additionalProperties:refresh', 'maxLength:token_type', 'minLength:expires_at']);
  });

  it('requires a non-empty errors array of SPEC Error on error statuses', () => {
    const check = (status: number, body: unknown) =>
      keywords(contract.validateResponse({ method: 'POST', path: '/oauth2/token/status', status, body }));
    expect(
      check(401, {
        errors: [
          { category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail: 'This request could not be authorized.' },
        ],
      }),
    ).toEqual([]);
    expect(check(401, { errors: [] })).toEqual(['minItems:errors']);
    expect(check(500, { message: 'oops' })).toEqual(['additionalProperties:message', 'required:errors']);
    expect(check(400, { errors: [{ category: 'OOPS', code: 'NOT_A_CODE' }] })).toEqual([
      'enum:errors[0].category',
      'enum:errors[0].code',
    ]);
  });

  it('accepts a decline (errors and a FAILED payment) and refuses undeclared statuses and content types', () => {
    const decline = {
      errors: [{ category: 'PAYMENT_METHOD_ERROR', code: 'GENERIC_DECLINE' }],
      payment: { id: 'P1', status: 'FAILED', card_details: { status: 'FAILED' } },
    };
    expect(contract.validateResponse({ method: 'POST', path: '/v2/payments', status: 402, body: decline })).toEqual([]);
    expect(
      keywords(contract.validateResponse({ method: 'POST', path: '/v2/payments', status: 201, body: {} })),
    ).toEqual(['undeclaredStatus:']);
    expect(
      keywords(
        contract.validateResponse({
          method: 'GET',
          path: '/v2/locations',
          status: 200,
          body: {},
          contentType: 'text/html',
        }),
      ),
    ).toEqual(['contentType:Content-Type']);
  });
});
