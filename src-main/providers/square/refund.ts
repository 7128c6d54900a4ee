// POST /v2/refunds (square-api.md §5): a linked refund of a sandbox test payment, with its own
// idempotency key (the HTTP layer retries with the same one). Square answers PENDING at first.
import { AppError } from '../../errors/app-error';
import type { ProviderContext, RefundInput, RefundOutcome } from '../adapter';
import { callSquare, codeOf } from './client';
import { RefundPaymentRequest, RefundPaymentResponse, SQUARE_PAYMENT_CURRENCIES } from './schemas';

const REFUSALS: Record<string, string> = {
  REFUND_AMOUNT_INVALID: 'Square refused: that is more than is left to refund.',
  PAYMENT_NOT_REFUNDABLE: 'Square refused: this payment cannot be refunded (it did not complete).',
  REFUND_ERROR_PAYMENT_NEEDS_COMPLETION: 'Square refused: the payment is approved but not completed yet.',
  IDEMPOTENCY_KEY_REUSED: "Square refused: the refund's idempotency key was already used for another refund.",
};

export async function refundPayment(i: RefundInput, ctx: ProviderContext): Promise<RefundOutcome> {
  if (i.credential.environment !== 'sandbox')
    throw new AppError('PRODUCTION_REFUSED', 'Test refunds are sandbox only: nothing was sent.');
  if (i.amount === null) throw new AppError('INVALID_REQUEST', 'Say how much to refund.', null, ['amount']);
  if (!(SQUARE_PAYMENT_CURRENCIES as readonly string[]).includes(i.currency))
    throw new AppError('INVALID_REQUEST', 'That is not a currency Square takes card payments in.', null, ['currency']);
  const body = RefundPaymentRequest.parse({
    idempotency_key: i.idempotencyKey,
    amount_money: { amount: i.amount, currency: i.currency },
    payment_id: i.vendorId,
  });
  const token = await ctx.secretOf(i.credential.id);
  const r = await callSquare(ctx, {
    environment: 'sandbox',
    method: 'POST',
    path: '/v2/refunds',
    auth: { bearer: token },
    body,
    schema: RefundPaymentResponse,
  });
  if (r.ok && r.data.refund) {
    return {
      id: r.data.refund.id,
      amount: r.data.refund.amount_money.amount,
      status: (r.data.refund.status ?? 'PENDING').slice(0, 40),
    };
  }
  if (r.ok || r.kind === 'unreadable') {
    throw new AppError(
      'VENDOR_ERROR',
      "Square's answer to the refund could not be read, so it is not known whether it was made.",
      'Check the payment in the Square sandbox dashboard before refunding again.',
    );
  }
  if (r.kind === 'transport') {
    throw new AppError(
      r.error.code,
      'Square did not answer the refund, so it is not known whether it was made.',
      'Check the payment in the Square sandbox dashboard before refunding again.',
    );
  }
  const code = codeOf(r);
  throw new AppError(
    'VENDOR_ERROR',
    (code && REFUSALS[code]) ?? `Square refused the refund (HTTP ${r.status} ${code ?? ''}).`,
  );
}
