// Refunds (POST /v1/refunds, clover-api.md §7): to the original source, partial amounts allowed up
// to what is left. The idempotency key comes from the domain; failures are typed errors in plain
// words (the vendor's text is never forwarded).
import { AppError } from '../../errors/app-error';
import type { ProviderContext, RefundOutcome } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';
import type { CloverApi } from './api';
import { canCharge } from './charge';
import { limitsFor } from './limits';
import { ecomErrorOf } from './schemas';
import { failureWords } from './words';

export function createRefund(api: CloverApi) {
  return async function refund(
    input: { credential: StoredCredential; vendorId: string; amount: number | null; idempotencyKey: string },
    ctx: ProviderContext,
  ): Promise<RefundOutcome> {
    const cred = input.credential;
    if (!canCharge(cred))
      throw new AppError('PRODUCTION_REFUSED', 'Refunds here are for sandbox test charges only; nothing was sent.');
    const body = { charge: input.vendorId, ...(input.amount !== null && { amount: input.amount }) };
    const r = await api.refund(
      ctx,
      'sandbox',
      await ctx.secretOf(cred.id),
      input.idempotencyKey,
      body,
      limitsFor('sandbox', cred.id, cred.appId),
    );
    if (r.ok) return { id: r.data.id, amount: r.data.amount, status: r.data.status ?? 'succeeded' };
    const err = ecomErrorOf(r.body);
    if (r.failure === 'client') {
      const what = [err?.code, err?.param && `on ${err.param}`].filter(Boolean).join(' ');
      throw new AppError(
        'VENDOR_ERROR',
        `Clover refused the refund (HTTP ${r.status ?? '4xx'}${what ? `: ${what}` : ''}).`,
        'Check the amount against what is left of the charge.',
      );
    }
    if (r.failure === 'unauthorized')
      throw new AppError('VENDOR_ERROR', failureWords(r.failure, r.status, null), 'Check the access token.');
    throw new AppError(
      r.error.code,
      `${failureWords(r.failure, r.status, r.retryAfterMs)} The refund may or may not have been made.`,
      'Look at the charge in the Clover dashboard before refunding again.',
    );
  };
}
