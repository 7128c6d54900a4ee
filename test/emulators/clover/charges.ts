// POST /v1/charges and POST /v1/refunds (ref §7). Auth: an OAuth token (v2 or legacy) whose install
// has PROCESS_CARDS, or the merchant's Ecommerce private key (ref §3). Errors use the ref §7 fields.
import { z } from 'zod';
import { authorize } from './auth';
import { outcomeOf } from './cards';
import { ecomError, json, parseJson, validate, type EcomErrorFields, type Reply, type RequestContext } from './http-io';
import * as ids from './ids';
import { lookup, readKey, remember, requestFingerprint } from './idempotency';
import type { ChargeRecord, CredentialRecord } from './state';

/** ref §7: amount_too_large above $999,999.99. */
export const MAX_AMOUNT = 99_999_999;

const ChargeBody = z.strictObject({
  amount: z.number().int(),
  currency: z.string(),
  source: z.string(),
  capture: z.boolean().optional(),
  ecomind: z.enum(['ecom', 'moto']).optional(),
  description: z.string().optional(),
  external_reference_id: z.string().max(12).optional(),
  receipt_email: z.string().optional(),
  tax_amount: z.number().int().optional(),
  tax_rate_uuid: z.string().optional(),
  tip_amount: z.number().int().optional(),
  soft_descriptor: z.string().optional(),
});

// ref §7 shows `reason: "requested_by_customer"`; the other two values are our (Stripe-like) choice.
const RefundBody = z.strictObject({
  charge: z.string().min(1),
  amount: z.number().int().optional(),
  reason: z.enum(['requested_by_customer', 'duplicate', 'fraudulent']).optional(),
});

/** Codes ref §7 lists for specific fields; other bad fields get no code, only `param`. */
const FIELD_CODES: Record<string, string> = {
  amount: 'invalid_charge_amount',
  tax_amount: 'invalid_tax_amount',
  tip_amount: 'invalid_tip_amount',
  receipt_email: 'email_invalid',
};

type Step<T> = { ok: true; value: T } | { ok: false; reply: Reply };

function fail(ctx: RequestContext, status: number, fields: EcomErrorFields): { ok: false; reply: Reply } {
  return { ok: false, reply: ecomError(ctx.world.config.errorEnvelope, status, fields) };
}

const invalid = (ctx: RequestContext, message: string, param?: string, code?: string) =>
  fail(ctx, 400, { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) });

function ecommerceCaller(ctx: RequestContext): Step<CredentialRecord> {
  const c =
    authorize(ctx, { kinds: ['ecommerce_private'] }) ??
    authorize(ctx, { kinds: ['v2_access', 'legacy'], permission: 'PROCESS_CARDS' });
  return c ? { ok: true, value: c } : fail(ctx, 401, { type: 'authentication_error', message: '401 Unauthorized' });
}

function parseBody<S extends z.ZodType>(ctx: RequestContext, schema: S): Step<z.infer<S>> {
  const raw = parseJson(ctx);
  if (!raw.ok) return invalid(ctx, raw.message);
  const v = validate(schema, raw.value);
  if (v.ok) return v;
  return invalid(ctx, v.message, v.param, v.param ? FIELD_CODES[v.param] : undefined);
}

/** Auth, key, body, then the idempotency check; `run` only sees new requests, and its answer is kept. */
function idempotent<S extends z.ZodType>(
  ctx: RequestContext,
  schema: S,
  keyRequired: boolean,
  check: (body: z.infer<S>, caller: CredentialRecord) => Reply | undefined,
  run: (body: z.infer<S>, caller: CredentialRecord, key: string | undefined) => Reply,
): Reply {
  const caller = ecommerceCaller(ctx);
  if (!caller.ok) return caller.reply;
  const key = readKey(ctx, keyRequired);
  if (!key.ok) return invalid(ctx, key.message, 'idempotency-key').reply;
  const body = parseBody(ctx, schema);
  if (!body.ok) return body.reply;
  const bad = check(body.value, caller.value);
  if (bad) return bad;
  if (key.key === undefined) return run(body.value, caller.value, undefined);
  const merchantId = caller.value.merchantId;
  const fp = requestFingerprint(ctx.method, ctx.path, body.value);
  const seen = lookup(ctx, merchantId, key.key, fp);
  if (seen.kind === 'replay') return { ...seen.reply, contentType: 'application/json; charset=utf-8' };
  if (seen.kind === 'conflict') {
    return fail(ctx, 400, {
      type: 'idempotency_error',
      message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.',
    }).reply;
  }
  const reply = run(body.value, caller.value, key.key);
  remember(ctx, merchantId, key.key, fp, reply);
  return reply;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkCharge(ctx: RequestContext, b: z.infer<typeof ChargeBody>, caller: CredentialRecord): Reply | undefined {
  if (b.amount <= 0)
    return invalid(ctx, 'amount must be a positive integer (cents).', 'amount', 'invalid_charge_amount').reply;
  if (b.amount > MAX_AMOUNT)
    return invalid(ctx, 'amount is above the $999,999.99 limit.', 'amount', 'amount_too_large').reply;
  // ref §7: lowercase ISO 4217. We also refuse a currency the merchant does not settle in (stricter).
  const merchant = ctx.world.merchant(ctx.env, caller.merchantId);
  if (!/^[a-z]{3}$/.test(b.currency) || b.currency !== merchant?.currency) {
    return invalid(ctx, `currency must be the merchant's lowercase ISO 4217 code.`, 'currency').reply;
  }
  if (!b.source.startsWith('clv_')) return invalid(ctx, 'source must be a clv_ card token.', 'source').reply;
  if (b.tax_amount !== undefined && b.tax_amount < 0)
    return invalid(ctx, 'Invalid tax_amount.', 'tax_amount', 'invalid_tax_amount').reply;
  if (b.tip_amount !== undefined && b.tip_amount < 0)
    return invalid(ctx, 'Invalid tip_amount.', 'tip_amount', 'invalid_tip_amount').reply;
  if (b.receipt_email !== undefined && !EMAIL_RE.test(b.receipt_email)) {
    return invalid(ctx, 'Invalid receipt_email.', 'receipt_email', 'email_invalid').reply;
  }
  return undefined;
}

function runCharge(ctx: RequestContext, b: z.infer<typeof ChargeBody>, caller: CredentialRecord, key: string): Reply {
  const { world } = ctx;
  const token = world.cardTokens.get(b.source);
  if (!token || token.environment !== ctx.env || token.merchantId !== caller.merchantId) {
    return invalid(ctx, 'No such token.', 'source', 'resource_missing').reply;
  }
  if (token.usedAt !== null)
    return invalid(ctx, 'This card token was already used.', 'source', 'token_already_used').reply;
  token.usedAt = world.now(); // spent whether approved or declined
  const outcome = outcomeOf(token.number);
  const approved = outcome === 'approve';
  const { amount, currency, source, capture = true, ...extras } = b;
  void source;
  const id = ids.cloverId();
  const body: ChargeRecord['body'] = {
    id,
    amount,
    amount_refunded: 0,
    currency,
    created: world.now(),
    captured: approved && capture,
    paid: approved,
    refunded: false,
    status: approved ? 'succeeded' : 'failed',
    outcome: approved
      ? { network_status: 'approved_by_network', type: 'authorized' }
      : { network_status: 'declined_by_network', type: 'issuer_declined' },
    ...(approved ? { ref_num: ids.digits(12), auth_code: `OK${ids.digits(4)}` } : {}),
    order: { id: ids.cloverId() },
    source: {
      id: token.id,
      object: 'card',
      brand: token.brand,
      exp_month: token.exp_month,
      exp_year: token.exp_year,
      first6: token.number.slice(0, 6),
      last4: token.number.slice(-4),
    },
    ...extras,
  };
  const rec: ChargeRecord = {
    id,
    environment: ctx.env,
    merchantId: caller.merchantId,
    appId: caller.appId ?? null,
    idempotencyKey: key,
    status: approved ? 'succeeded' : 'failed',
    amountRefunded: 0,
    body,
    sourceId: token.id,
  };
  world.charges.set(id, rec);
  if (approved) return json(200, body);
  // Declines: HTTP 402 (ref §7 lists "402 (Request Failed)"); decline_code values are not published,
  // 'partial_approval' and 'generic_decline' are our names for the two ref §6 declining test cards.
  return fail(ctx, 402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: outcome === 'partial' ? 'partial_approval' : 'generic_decline',
    message:
      outcome === 'partial'
        ? 'The card was only partially approved; the Ecommerce API declines partial authorizations.'
        : 'The card was declined.',
    charge: id,
  }).reply;
}

/** POST /v1/charges: the idempotency-key header is required (ref §7). */
export function createCharge(ctx: RequestContext): Reply {
  return idempotent(
    ctx,
    ChargeBody,
    true,
    (b, caller) => checkCharge(ctx, b, caller),
    (b, caller, key) => runCharge(ctx, b, caller, key!),
  );
}

/** POST /v1/refunds: partial refunds up to the charged amount (ref §7). The reference does not say the
 *  key is required here, so it is optional; when sent it gets the same replay rules as charges. */
export function createRefund(ctx: RequestContext): Reply {
  return idempotent(
    ctx,
    RefundBody,
    false,
    (b) =>
      b.amount !== undefined && b.amount <= 0
        ? invalid(ctx, 'Invalid amount.', 'amount', 'invalid_charge_amount').reply
        : undefined,
    (b, caller) => {
      const { world } = ctx;
      const charge = world.charges.get(b.charge);
      if (!charge || charge.environment !== ctx.env || charge.merchantId !== caller.merchantId) {
        return invalid(ctx, 'No such charge.', 'charge', 'resource_missing').reply;
      }
      if (charge.status !== 'succeeded')
        return invalid(ctx, 'Only a successful charge can be refunded.', 'charge').reply;
      const remaining = charge.body.amount - charge.amountRefunded;
      if (remaining === 0)
        return invalid(ctx, 'The charge is already fully refunded.', 'charge', 'charge_already_refunded').reply;
      const amount = b.amount ?? remaining;
      if (amount > remaining)
        return invalid(ctx, `amount is greater than the unrefunded amount (${remaining}).`, 'amount').reply;
      charge.amountRefunded += amount;
      charge.body.amount_refunded = charge.amountRefunded;
      charge.body.refunded = charge.amountRefunded === charge.body.amount;
      const id = ids.cloverId();
      const body = {
        id,
        object: 'refund',
        amount,
        charge: charge.id,
        created: world.now(),
        status: 'succeeded',
        ...(b.reason ? { reason: b.reason } : {}),
      };
      world.refunds.push({ id, environment: ctx.env, merchantId: charge.merchantId, chargeId: charge.id, body });
      return json(200, body);
    },
  );
}
