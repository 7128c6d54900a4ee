// POST /v2/payments, GET /v2/payments, GET /v2/payments/{id}, POST .../complete, POST .../cancel (ref §5).
// - CreatePayment needs PAYMENTS_WRITE; reads need PAYMENTS_READ (SPEC security).
// - idempotency_key (1-45 characters) is checked by the contract; replay rules in ../idempotency.ts.
// - location_id defaults to the main location; one without CREDIT_CARD_PROCESSING, or INACTIVE, refuses
//   with CARD_PROCESSING_NOT_ENABLED. amount_money is required here (Square allows it absent only with
//   orders, which this stand-in does not model); its currency must be the location's.
// - A decline answers errors[] (PAYMENT_METHOD_ERROR, detail "Authorization error: 'CODE'") AND a payment
//   with status FAILED and card_details.status FAILED; HTTP 400 by default, 402 by option (UNCONFIRMED).
// - autocomplete (default true): COMPLETED + CAPTURED; false: APPROVED + AUTHORIZED until complete/cancel.
import { authenticate, type AuthOutcome } from '../auth';
import { DAY, isoMillis } from '../clock';
import { str, type RouteContext } from '../context';
import { fail, idempotencyKeyReused, invalid, notFound, type ApiResult, type SquareError } from '../errors';
import { ids } from '../ids';
import { TEST_SOURCES, type DeclineCode, type SourceOutcome } from '../nonces';
import type { SquarePayment } from '../types';
import type { AccessTokenRecord, LocationRecord, PaymentEntry } from '../world';

interface Money {
  amount: number;
  currency: string;
}

const money = (amount: number, currency: string): Money => ({ amount, currency });

function readMoney(v: unknown): Partial<Money> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  return {
    ...(typeof o.amount === 'number' ? { amount: o.amount } : {}),
    ...(typeof o.currency === 'string' ? { currency: o.currency } : {}),
  };
}

function auth(ctx: RouteContext, scope: string): AuthOutcome {
  return authenticate(
    ctx.world,
    { environment: ctx.environment, authorization: ctx.headers.authorization },
    { scopes: [scope] },
  );
}

function receiptUrl(ctx: RouteContext, id: string): string {
  const host = ctx.environment === 'sandbox' ? 'squareupsandbox.com' : 'squareup.com';
  return `https://${host}/receipt/preview/${id}`;
}

function cardDetails(
  outcome: SourceOutcome,
  status: string,
  now: number,
  decline?: SquareError,
): Record<string, unknown> {
  const code: DeclineCode | undefined = outcome.kind === 'decline' ? outcome.code : undefined;
  const onFile = outcome.kind !== 'token-used' && outcome.onFile;
  return {
    status,
    card: {
      card_brand: 'VISA',
      last_4: '1111',
      exp_month: 11,
      exp_year: new Date(now).getUTCFullYear() + 2,
      fingerprint: 'sq-1-stand-in-test-card',
      card_type: 'CREDIT',
      prepaid_type: 'NOT_PREPAID',
      bin: '411111',
    },
    entry_method: onFile ? 'ON_FILE' : 'KEYED',
    cvv_status: code === 'CVV_FAILURE' ? 'CVV_REJECTED' : 'CVV_ACCEPTED',
    avs_status: code === 'ADDRESS_VERIFICATION_FAILURE' ? 'AVS_REJECTED' : 'AVS_ACCEPTED',
    statement_description: 'SQ *STAND-IN TEST',
    card_payment_timeline:
      status === 'FAILED'
        ? {}
        : { authorized_at: isoMillis(now), ...(status === 'CAPTURED' ? { captured_at: isoMillis(now) } : {}) },
    ...(decline ? { errors: [decline] } : {}),
  };
}

function optional(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}

function buildPayment(
  ctx: RouteContext,
  token: AccessTokenRecord,
  loc: LocationRecord,
  outcome: SourceOutcome,
  amount: Money,
  tip: Money | undefined,
  decline?: SquareError,
): SquarePayment {
  const now = ctx.world.clock.now();
  const id = ids.payment();
  const autocomplete = ctx.body.autocomplete !== false;
  const status = decline ? 'FAILED' : autocomplete ? 'COMPLETED' : 'APPROVED';
  const cardStatus = decline ? 'FAILED' : autocomplete ? 'CAPTURED' : 'AUTHORIZED';
  const total = money(amount.amount + (tip?.amount ?? 0), amount.currency);
  return {
    id,
    created_at: isoMillis(now),
    updated_at: isoMillis(now),
    amount_money: amount,
    ...(tip ? { tip_money: tip } : {}),
    total_money: total,
    ...(decline ? {} : { approved_money: total }),
    status,
    ...(decline ? {} : { delay_duration: 'PT168H', delay_action: 'CANCEL', delayed_until: isoMillis(now + 7 * DAY) }),
    source_type: 'CARD',
    card_details: cardDetails(outcome, cardStatus, now, decline),
    location_id: loc.id,
    order_id: ids.order(),
    ...optional(ctx.body, ['reference_id', 'note', 'customer_id', 'buyer_email_address']),
    ...(status === 'COMPLETED' ? { receipt_number: id.slice(0, 4), receipt_url: receiptUrl(ctx, id) } : {}),
    application_details: { square_product: 'ECOMMERCE_API', application_id: token.applicationId },
    version_token: ids.versionToken(),
  };
}

type Chargeable = { loc: LocationRecord; outcome: Exclude<SourceOutcome, { kind: 'token-used' }> };

/** Business checks before any money moves: the refusal, or what the payment may proceed with. */
function check(
  ctx: RouteContext,
  loc: LocationRecord | undefined,
  outcome: SourceOutcome | undefined,
): ApiResult | Chargeable {
  const body = ctx.body;
  if (!loc) return notFound(`Location \`${str(body.location_id)}\` not found.`, 'location_id');
  if (loc.status !== 'ACTIVE' || !loc.capabilities.includes('CREDIT_CARD_PROCESSING')) {
    return invalid(
      'CARD_PROCESSING_NOT_ENABLED',
      'The location provided in the API call is not enabled for credit card processing.',
      'location_id',
    );
  }
  const amount = readMoney(body.amount_money);
  if (amount?.amount === undefined || amount.currency === undefined) {
    return invalid('MISSING_REQUIRED_PARAMETER', 'amount_money with amount and currency is required.', 'amount_money');
  }
  if (amount.amount < 1) {
    return invalid('VALUE_TOO_LOW', 'amount_money.amount must be at least 1.', 'amount_money.amount');
  }
  const tip = readMoney(body.tip_money);
  for (const [field, m] of [
    ['amount_money', amount],
    ['tip_money', tip],
  ] as const) {
    if (m?.currency !== undefined && m.currency !== loc.currency) {
      return invalid(
        'INVALID_VALUE',
        `This merchant can only process payments in ${loc.currency}, but amount was ` + `provided in ${m.currency}.`,
        `${field}.currency`,
      );
    }
  }
  if (!outcome) {
    return ctx.environment === 'production'
      ? invalid('INVALID_CARD_DATA', 'Sandbox test values are refused in production.', 'source_id')
      : invalid(
          'INVALID_CARD_DATA',
          'Unknown payment source (the stand-in takes the documented test values).',
          'source_id',
        );
  }
  if (outcome.kind === 'token-used') {
    return invalid(
      'CARD_TOKEN_USED',
      'The provided card token (nonce) was already used to process the payment.',
      'source_id',
    );
  }
  if (outcome.onFile && str(body.customer_id) === undefined) {
    return invalid('MISSING_REQUIRED_PARAMETER', 'customer_id is required with a card on file.', 'customer_id');
  }
  return { loc, outcome };
}

export function createPayment(ctx: RouteContext): ApiResult {
  const a = auth(ctx, 'PAYMENTS_WRITE');
  if (!a.ok) return a.result;
  const { world, body } = ctx;
  const key = str(body.idempotency_key) ?? '';
  const scope = `${ctx.environment}|${a.token.merchantId}|CreatePayment`;
  const seen = ctx.idempotency.lookup(scope, key, body);
  if (seen.kind === 'replay') return seen.result;
  if (seen.kind === 'conflict') return idempotencyKeyReused();

  const merchant = world.merchant(ctx.environment, a.token.merchantId);
  const locId = str(body.location_id) ?? merchant?.mainLocationId;
  const found = locId !== undefined ? world.locations.get(locId) : undefined;
  const loc = found && found.merchantId === a.token.merchantId ? found : undefined;
  const source = str(body.source_id) ?? '';
  const outcome = ctx.environment === 'sandbox' ? TEST_SOURCES[source] : undefined;
  const checked = check(ctx, loc, outcome);
  if ('status' in checked) return checked;

  const amount = readMoney(body.amount_money) as Money;
  const tipRaw = readMoney(body.tip_money);
  const tip = tipRaw?.amount !== undefined ? money(tipRaw.amount, amount.currency) : undefined;
  const { outcome: ok } = checked;
  const decline: SquareError | undefined =
    ok.kind === 'decline'
      ? { category: 'PAYMENT_METHOD_ERROR', code: ok.code, detail: `Authorization error: '${ok.code}'` }
      : undefined;
  const payment = buildPayment(ctx, a.token, checked.loc, ok, money(amount.amount, amount.currency), tip, decline);
  world.payments.set(payment.id, {
    environment: ctx.environment,
    merchantId: a.token.merchantId,
    idempotencyKey: key,
    payment,
  });
  const result: ApiResult = decline
    ? fail(ctx.options.declineStatus, [decline], { payment: structuredClone(payment) })
    : { status: 200, body: { payment: structuredClone(payment) } };
  ctx.idempotency.remember(scope, key, body, result);
  return result;
}

function findPayment(ctx: RouteContext, token: AccessTokenRecord): PaymentEntry | undefined {
  const entry = ctx.world.payments.get(ctx.params.payment_id ?? '');
  return entry && entry.environment === ctx.environment && entry.merchantId === token.merchantId ? entry : undefined;
}

export function getPayment(ctx: RouteContext): ApiResult {
  const a = auth(ctx, 'PAYMENTS_READ');
  if (!a.ok) return a.result;
  const entry = findPayment(ctx, a.token);
  if (!entry) return notFound(`Payment \`${ctx.params.payment_id}\` not found.`, 'payment_id');
  return { status: 200, body: { payment: structuredClone(entry.payment) } };
}

function transition(ctx: RouteContext, to: 'COMPLETED' | 'CANCELED'): ApiResult {
  const a = auth(ctx, 'PAYMENTS_WRITE');
  if (!a.ok) return a.result;
  const entry = findPayment(ctx, a.token);
  if (!entry) return notFound(`Payment \`${ctx.params.payment_id}\` not found.`, 'payment_id');
  const p = entry.payment;
  const versionToken = str(ctx.body.version_token);
  if (versionToken !== undefined && versionToken !== p.version_token) {
    // Square's code for a stale version_token is UNCONFIRMED; refused so a client cannot ignore it.
    return invalid('INVALID_VALUE', "version_token does not match the payment's current version.", 'version_token');
  }
  if (p.status !== 'APPROVED') {
    return invalid(
      'BAD_REQUEST',
      `The payment is ${p.status}; only an APPROVED payment can be ` +
        `${to === 'COMPLETED' ? 'completed' : 'canceled'}.`,
      'payment_id',
    );
  }
  const now = ctx.world.clock.now();
  const card = p.card_details as Record<string, unknown>;
  const timeline = (card.card_payment_timeline ?? {}) as Record<string, unknown>;
  card.status = to === 'COMPLETED' ? 'CAPTURED' : 'VOIDED';
  card.card_payment_timeline = { ...timeline, [to === 'COMPLETED' ? 'captured_at' : 'voided_at']: isoMillis(now) };
  p.status = to;
  p.updated_at = isoMillis(now);
  p.version_token = ids.versionToken();
  if (to === 'COMPLETED') Object.assign(p, { receipt_number: p.id.slice(0, 4), receipt_url: receiptUrl(ctx, p.id) });
  else delete p.approved_money;
  return { status: 200, body: { payment: structuredClone(p) } };
}

export const completePayment = (ctx: RouteContext): ApiResult => transition(ctx, 'COMPLETED');
export const cancelPayment = (ctx: RouteContext): ApiResult => transition(ctx, 'CANCELED');

const MAX_PAGE = 100;

/** ListPayments: newest first by default, 100 a page, an opaque cursor; begin_time defaults to a year ago. */
export function listPayments(ctx: RouteContext): ApiResult {
  const a = auth(ctx, 'PAYMENTS_READ');
  if (!a.ok) return a.result;
  const q = ctx.query;
  const sort = q.get('sort_order') ?? 'DESC';
  if (sort !== 'ASC' && sort !== 'DESC') {
    return invalid('INVALID_SORT_ORDER', 'sort_order must be ASC or DESC.', 'sort_order');
  }
  const limit = q.has('limit') ? Number(q.get('limit')) : MAX_PAGE;
  if (limit < 1 || limit > MAX_PAGE)
    return invalid(limit < 1 ? 'VALUE_TOO_LOW' : 'VALUE_TOO_HIGH', `limit must be between 1 and ${MAX_PAGE}.`, 'limit');
  const offset = q.has('cursor') ? Number.parseInt(Buffer.from(q.get('cursor') ?? '', 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) return invalid('INVALID_CURSOR', 'The cursor is invalid.', 'cursor');
  const now = ctx.world.clock.now();
  const begin = q.has('begin_time') ? Date.parse(q.get('begin_time') ?? '') : now - 365 * DAY;
  const end = q.has('end_time') ? Date.parse(q.get('end_time') ?? '') : Number.POSITIVE_INFINITY;
  if (Number.isNaN(begin) || Number.isNaN(end)) return invalid('INVALID_TIME', 'Times must be RFC 3339.', 'begin_time');
  const matches = [...ctx.world.payments.values()]
    .filter((e) => e.environment === ctx.environment && e.merchantId === a.token.merchantId)
    .map((e) => e.payment)
    .filter((p) => {
      const created = Date.parse(String(p.created_at));
      const card = (p.card_details as { card?: { last_4?: string; card_brand?: string } } | undefined)?.card;
      return (
        created >= begin &&
        created < end &&
        (!q.has('location_id') || p.location_id === q.get('location_id')) &&
        (!q.has('last_4') || card?.last_4 === q.get('last_4')) &&
        (!q.has('card_brand') || card?.card_brand === q.get('card_brand')) &&
        (!q.has('total') || (p.total_money as Money).amount === Number(q.get('total')))
      );
    });
  if (sort === 'DESC') matches.reverse();
  const page = matches.slice(offset, offset + limit).map((p) => structuredClone(p));
  const next = offset + limit < matches.length ? Buffer.from(String(offset + limit)).toString('base64url') : undefined;
  // An empty page leaves `payments` out (UNCONFIRMED: Square omits empty lists in several answers), so a
  // client must accept both an absent and an empty list.
  return { status: 200, body: { ...(page.length ? { payments: page } : {}), ...(next ? { cursor: next } : {}) } };
}
