// A sandbox test payment (square-api.md §5): POST /v2/payments with the scenario's test nonce, the
// attempt's idempotency key in the body, the amount and, when given, the location (else Square's
// default, the main location). The body is built only from the attempt's ledger entry, so every
// resend is byte-for-byte the same request. What the answer means:
// - COMPLETED / APPROVED -> succeeded; a PAYMENT_METHOD_ERROR decline (with its FAILED payment) -> declined.
// - IDEMPOTENCY_KEY_REUSED and other refusals -> failed, in plain words (nothing was charged).
// - no answer, a 5xx, an HTML page, cut-off or wrong JSON, or still 429 after the HTTP layer's
//   backoff -> unknown: the domain resends with the same key and body, which Square replays.
import { AppError } from '../../errors/app-error';
import type { ChargeInput, ChargeOutcome, ProviderContext } from '../adapter';
import { callSquare, type SquareFailure } from './client';
import { isSquareScenario, SQUARE_TEST_NONCES } from './nonces';
import { CreatePaymentRequest, CreatePaymentResponse, SQUARE_PAYMENT_CURRENCIES, type Payment } from './schemas';

const DECLINES: Record<string, string> = {
  GENERIC_DECLINE: "The card was declined (GENERIC_DECLINE), as the sandbox's declined-card nonce asks.",
  CVV_FAILURE: "The card's security code (CVV) was rejected (CVV_FAILURE).",
  ADDRESS_VERIFICATION_FAILURE: 'The postal code failed address verification (ADDRESS_VERIFICATION_FAILURE).',
  INVALID_EXPIRATION: "The card's expiration date was rejected (INVALID_EXPIRATION).",
  INSUFFICIENT_FUNDS: 'The card has insufficient funds (INSUFFICIENT_FUNDS).',
};

const REFUSALS: Record<string, string> = {
  IDEMPOTENCY_KEY_REUSED:
    'Square refused it: this idempotency key was already used for a payment with different details (amount, ' +
    'location or card), so nothing was charged. Use "New key" for a new payment; "Retry" only ever resends ' +
    'the original details.',
  CARD_TOKEN_USED: 'Square refused it: the card nonce was already used (CARD_TOKEN_USED). Nothing was charged.',
  CARD_PROCESSING_NOT_ENABLED:
    'Square refused it: that location cannot take card payments (CARD_PROCESSING_NOT_ENABLED). Pick a ' +
    'location that can.',
  INSUFFICIENT_SCOPES: 'Square refused it: this token lacks PAYMENTS_WRITE (INSUFFICIENT_SCOPES). Nothing was charged.',
  ACCESS_TOKEN_EXPIRED: 'Square refused it: the access token has expired. Refresh it, then Retry.',
  ACCESS_TOKEN_REVOKED: 'Square refused it: the access token was revoked. Nothing was charged.',
  UNAUTHORIZED: 'Square refused the access token (UNAUTHORIZED). Nothing was charged.',
  NOT_FOUND: 'Square refused it: the location was not found for this seller. Nothing was charged.',
};

export function paymentBody(i: ChargeInput): ReturnType<typeof CreatePaymentRequest.parse> {
  if (!isSquareScenario(i.scenario))
    throw new AppError('INVALID_REQUEST', `"${i.scenario}" is not a Square test scenario.`, null, ['scenario']);
  if (!(SQUARE_PAYMENT_CURRENCIES as readonly string[]).includes(i.currency)) {
    throw new AppError(
      'INVALID_REQUEST',
      `Square takes card payments in ${SQUARE_PAYMENT_CURRENCIES.join(', ')}; a payment must be in its ` +
        `location's currency.`,
      null,
      ['currency'],
    );
  }
  return CreatePaymentRequest.parse({
    source_id: SQUARE_TEST_NONCES[i.scenario],
    idempotency_key: i.idempotencyKey,
    amount_money: { amount: i.amount, currency: i.currency },
    ...(i.locationId ? { location_id: i.locationId } : {}),
    autocomplete: true,
  });
}

export async function createPayment(i: ChargeInput, ctx: ProviderContext): Promise<ChargeOutcome> {
  if (i.credential.environment !== 'sandbox') {
    throw new AppError('PRODUCTION_REFUSED', 'Test payments are sandbox only: nothing was sent.', null, [
      'credentialId',
    ]);
  }
  const body = paymentBody(i); // before the keychain read: a bad scenario never touches the token
  const token = await ctx.secretOf(i.credential.id);
  const startedAt = ctx.clock().getTime();
  const r = await callSquare(ctx, {
    environment: 'sandbox',
    method: 'POST',
    path: '/v2/payments',
    auth: { bearer: token },
    body,
    schema: CreatePaymentResponse,
  });
  const sends = r.attempts;
  const base = { sourceToken: null, sends };
  // A payment made before this call began came from an earlier send with this key: Square
  // replayed its stored answer (ref §5). Our clock and Square's may differ by a little; it only
  // changes the wording, never the count of payments.
  const replayed = (p: Payment | undefined): boolean =>
    (i.previousSends ?? 0) + sends > 1 && p?.created_at !== undefined && Date.parse(p.created_at) < startedAt;
  if (r.ok) {
    const p = r.data.payment;
    if (!p)
      return {
        ...base,
        status: 'unknown',
        vendorId: null,
        replayed: false,
        message: 'Square answered without a payment; sending again with the same key to learn the outcome.',
      };
    return outcomeOf(p, replayed(p), base);
  }
  return failureOf(r, replayed, base);
}

function outcomeOf(p: Payment, replayed: boolean, base: { sourceToken: null; sends: number }): ChargeOutcome {
  const again = replayed ? ' Square returned the payment it had already made for this key: no second payment.' : '';
  if (p.status === 'COMPLETED' || p.status === 'APPROVED') {
    return {
      ...base,
      status: 'succeeded',
      vendorId: p.id,
      replayed,
      message: `Payment ${p.status.toLowerCase()} (${p.id}).${again}`,
    };
  }
  if (p.status === 'FAILED' || p.status === 'CANCELED') {
    const code = p.card_details?.errors?.[0]?.code;
    return {
      ...base,
      status: 'declined',
      vendorId: p.id,
      replayed,
      message: `${(code && DECLINES[code]) ?? `The payment ${p.status.toLowerCase()}.`}${again}`,
    };
  }
  return {
    ...base,
    status: 'unknown',
    vendorId: p.id,
    replayed,
    message: `The payment is ${p.status}; Retry asks again with the same key.`,
  };
}

function failureOf(
  f: SquareFailure & { attempts: number },
  replayed: (p?: Payment) => boolean,
  base: { sourceToken: null; sends: number },
): ChargeOutcome {
  const unknown = (why: string): ChargeOutcome => ({
    ...base,
    status: 'unknown',
    vendorId: null,
    replayed: false,
    message:
      `${why} It may or may not have been charged: it is sent again with the same key, so Square can ` +
      `only charge it once.`,
  });
  if (f.kind === 'transport')
    return unknown(
      f.error.kind === 'timeout'
        ? 'Square did not answer in time.'
        : 'The connection to Square failed before an answer came.',
    );
  if (f.kind === 'unreadable')
    return unknown(
      f.status !== null && f.status >= 500
        ? `Something between you and Square answered with an error page (HTTP ${f.status}).`
        : "Square's answer was cut off or did not match its API.",
    );
  if (f.status === 429)
    return unknown(`Square kept rate-limiting the payment (HTTP 429) after ${f.attempts} sends with backoff.`);
  if (f.status >= 500) return unknown(`Square had a problem (HTTP ${f.status} ${f.errors[0]?.code ?? ''}).`);
  const e = f.errors[0];
  const payment = f.body.payment;
  if (e?.category === 'PAYMENT_METHOD_ERROR') {
    const again = replayed(payment)
      ? ' Square returned its answer for this key again: no second attempt was made.'
      : '';
    return {
      ...base,
      status: 'declined',
      vendorId: payment?.id ?? null,
      replayed: replayed(payment),
      message: `${DECLINES[e.code] ?? `The card was declined (${e.code}).`}${again}`,
    };
  }
  const text =
    (e && REFUSALS[e.code]) ??
    `Square refused the payment (HTTP ${f.status} ${e?.code ?? ''}${e?.field ? `, field ${e.field}` : ''}). ` +
      `Nothing was charged.`;
  return { ...base, status: 'failed', vendorId: null, replayed: false, message: text };
}
