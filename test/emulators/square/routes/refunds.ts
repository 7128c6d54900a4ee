// POST /v2/refunds (RefundPayment, ref §5), PAYMENTS_WRITE. Same idempotency rules as CreatePayment.
// Only linked refunds (payment_id) are modelled. Only a COMPLETED payment can be refunded, up to what is
// left of its total_money; an APPROVED one gets REFUND_ERROR_PAYMENT_NEEDS_COMPLETION, a FAILED or CANCELED
// one PAYMENT_NOT_REFUNDABLE (SPEC ErrorCode descriptions). A new refund is PENDING (SPEC example).
import { authenticate } from '../auth';
import { isoMillis } from '../clock';
import { str, type RouteContext } from '../context';
import { fail, idempotencyKeyReused, invalid, notFound, type ApiResult } from '../errors';
import { ids } from '../ids';
import type { SquareRefund } from '../types';

interface Money {
  amount: number;
  currency: string;
}

function refundError(code: string, detail: string, field?: string): ApiResult {
  return fail(400, [{ category: 'REFUND_ERROR', code, detail, ...(field ? { field } : {}) }]);
}

export function refundPayment(ctx: RouteContext): ApiResult {
  const a = authenticate(
    ctx.world,
    { environment: ctx.environment, authorization: ctx.headers.authorization },
    { scopes: ['PAYMENTS_WRITE'] },
  );
  if (!a.ok) return a.result;
  const { body, world } = ctx;
  const key = str(body.idempotency_key) ?? '';
  const scope = `${ctx.environment}|${a.token.merchantId}|RefundPayment`;
  const seen = ctx.idempotency.lookup(scope, key, body);
  if (seen.kind === 'replay') return seen.result;
  if (seen.kind === 'conflict') return idempotencyKeyReused();

  const paymentId = str(body.payment_id);
  if (paymentId === undefined) {
    return invalid(
      'MISSING_REQUIRED_PARAMETER',
      'payment_id is required (unlinked refunds are not modelled).',
      'payment_id',
    );
  }
  const entry = world.payments.get(paymentId);
  if (!entry || entry.environment !== ctx.environment || entry.merchantId !== a.token.merchantId) {
    return notFound(`Payment \`${paymentId}\` not found.`, 'payment_id');
  }
  const p = entry.payment;
  if (p.status === 'APPROVED') {
    return refundError(
      'REFUND_ERROR_PAYMENT_NEEDS_COMPLETION',
      'The payment is approved and needs to be completed first before the refund is issued.',
      'payment_id',
    );
  }
  if (p.status !== 'COMPLETED') {
    return refundError('PAYMENT_NOT_REFUNDABLE', `The payment is ${p.status}.`, 'payment_id');
  }
  const requested = body.amount_money as Partial<Money>;
  const total = p.total_money as Money;
  const already = (p.refunded_money as Money | undefined)?.amount ?? 0;
  if (typeof requested.amount !== 'number' || requested.currency === undefined) {
    return invalid('MISSING_REQUIRED_PARAMETER', 'amount_money with amount and currency is required.', 'amount_money');
  }
  if (requested.currency !== total.currency) {
    return invalid('INVALID_VALUE', `The refund must be in ${total.currency}.`, 'amount_money.currency');
  }
  if (requested.amount < 1) {
    return invalid('VALUE_TOO_LOW', 'amount_money.amount must be at least 1.', 'amount_money.amount');
  }
  if (requested.amount > total.amount - already) {
    return refundError(
      'REFUND_AMOUNT_INVALID',
      'The requested refund amount exceeds the amount available to refund.',
      'amount_money.amount',
    );
  }
  const now = isoMillis(world.clock.now());
  const refund: SquareRefund = {
    id: ids.refund(p.id),
    status: 'PENDING',
    location_id: p.location_id,
    amount_money: { amount: requested.amount, currency: total.currency },
    payment_id: p.id,
    order_id: p.order_id,
    ...(str(body.reason) !== undefined ? { reason: body.reason } : {}),
    created_at: now,
    updated_at: now,
  };
  world.refunds.set(refund.id, { environment: ctx.environment, merchantId: a.token.merchantId, refund });
  p.refunded_money = { amount: already + requested.amount, currency: total.currency };
  p.refund_ids = [...((p.refund_ids as string[] | undefined) ?? []), refund.id];
  p.updated_at = now;
  p.version_token = ids.versionToken();
  const result: ApiResult = { status: 200, body: { refund: structuredClone(refund) } };
  ctx.idempotency.remember(scope, key, body, result);
  return result;
}
