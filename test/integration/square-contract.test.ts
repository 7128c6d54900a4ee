// The contract check works on our client too: a request that breaks Square's schemas, sent
// through the same client code the provider uses, is caught and recorded by the local Square
// (which answers the 400 Square would send), and the provider's own requests are not. Every other
// Square test file ends by asserting that the stand-in recorded no violation at all.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src-main/log/logger';
import { RedactionRegistry } from '../../src-main/log/redaction';
import type { ProviderContext } from '../../src-main/providers/adapter';
import { createHttpContext } from '../../src-main/providers/http/http-context';
import { createRequestLog } from '../../src-main/providers/http/request-log';
import { callSquare } from '../../src-main/providers/square/client';
import { createPayment, paymentBody } from '../../src-main/providers/square/payment';
import { CreatePaymentRequest, TokenStatusResponse } from '../../src-main/providers/square/schemas';
import type { StoredCredential } from '../../src-main/vault/stored-record';
import { seedBasicWorld, startSquareEmulator, type BasicWorld, type SquareEmulator } from '../emulators/square';

let sq: SquareEmulator;
let world: BasicWorld;
let dataDir: string;
let ctx: ProviderContext;
const Anything = z.unknown();

beforeAll(async () => {
  sq = await startSquareEmulator();
  world = seedBasicWorld(sq, 'sandbox');
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-sq-contract-'));
  const redaction = new RedactionRegistry();
  const logger = createLogger({ dataDir, redaction });
  const http = createHttpContext({
    endpoints: sq.endpoints(),
    allowLoopbackHttp: true,
    logger,
    redaction,
    requestLog: createRequestLog(),
    clock: () => new Date(),
    retryBaseDelayMs: 5,
  });
  ctx = {
    http,
    logger,
    redaction,
    clock: () => new Date(),
    credentials: () => [],
    secretOf: async () => world.personalToken,
  };
});
beforeEach(() => sq.resetObservations());
afterAll(async () => {
  await sq.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('deliberately wrong requests are caught', () => {
  it('a body on token status (the spec declares none)', async () => {
    const r = await callSquare(ctx, {
      environment: 'sandbox',
      method: 'POST',
      path: '/oauth2/token/status',
      auth: { bearer: world.personalToken },
      body: {},
      schema: Anything,
    });
    expect(r).toMatchObject({ ok: false, kind: 'square', status: 400 });
    expect(sq.contractViolations()).toMatchObject([
      {
        direction: 'request',
        path: '/oauth2/token/status',
        violations: [{ where: 'body', keyword: 'unexpectedBody' }],
      },
    ]);
  });

  it('a payment field Square does not define, and an over-long idempotency key', async () => {
    const body = { ...paymentBody(chargeInput()), tip_percent: 15, idempotency_key: 'k'.repeat(46) };
    const r = await callSquare(ctx, {
      environment: 'sandbox',
      method: 'POST',
      path: '/v2/payments',
      auth: { bearer: world.personalToken },
      body,
      schema: Anything,
    });
    expect(r).toMatchObject({ ok: false, kind: 'square', status: 400 });
    const codes = r.ok || r.kind !== 'square' ? [] : r.errors.map((e) => e.code).sort();
    expect(codes).toEqual(['UNKNOWN_BODY_PARAMETER', 'VALUE_TOO_LONG']);
    const found = sq
      .contractViolations()
      .flatMap((v) => v.violations.map((x) => `${x.keyword}:${x.field}`))
      .sort();
    expect(found).toEqual(['additionalProperties:tip_percent', 'maxLength:idempotency_key']);
    expect(sq.payments({ idempotencyKey: 'k'.repeat(46) })).toEqual([]);
  });

  it('our request schemas refuse the same mistakes before anything is sent', () => {
    expect(() => CreatePaymentRequest.parse({ ...paymentBody(chargeInput()), tip_percent: 15 })).toThrow();
    expect(() => paymentBody({ ...chargeInput(), idempotencyKey: 'k'.repeat(46) })).toThrow();
  });
});

describe("the provider's own requests pass", () => {
  it('token status (no body) and a payment: zero violations, both answers read', async () => {
    const status = await callSquare(ctx, {
      environment: 'sandbox',
      method: 'POST',
      path: '/oauth2/token/status',
      auth: { bearer: world.personalToken },
      schema: TokenStatusResponse,
    });
    expect(status).toMatchObject({ ok: true, data: { merchant_id: world.merchant.id } });
    const paid = await createPayment(chargeInput(), ctx);
    expect(paid.status).toBe('succeeded');
    expect(sq.contractViolations()).toEqual([]);
  });
});

function chargeInput() {
  const credential = {
    id: randomUUID(),
    provider: 'square',
    kind: 'access_token',
    environment: 'sandbox',
  } as StoredCredential;
  return {
    attemptId: randomUUID(),
    credential,
    idempotencyKey: randomUUID(),
    amount: 500,
    currency: 'USD',
    scenario: 'ok' as const,
    locationId: null,
    sourceToken: null,
  };
}
