// Sandbox test charges (clover-api.md §6-7): a documented test card is tokenized with the
// merchant's PAKMS key (`apikey` header) at the token host, then POST /v1/charges carries the
// attempt's idempotency key. The card token is returned so the domain keeps it: a retry sends
// the same key AND the same token, which Clover answers with its stored result, never a second
// charge. A lost or unreadable answer is `unknown`, which the domain resends the same way.
import type { ChargeInput, ChargeOutcome, ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';
import type { CloverApi } from './api';
import type { CallResult } from './http';
import { limitsFor } from './limits';
import { tokenizationKeyFor } from './links';
import { ecomErrorOf, type Charge } from './schemas';
import { testCardFor } from './test-cards';
import { INVALID_401, failureWords } from './words';

type Outcome = Omit<ChargeOutcome, 'sourceToken' | 'sends'>;

const outcome = (status: Outcome['status'], message: string, vendorId: string | null = null): Outcome => ({
  status,
  message,
  vendorId,
  replayed: false,
});

/** Plain words for a decline; the vendor's message text is never shown as it is. */
const DECLINES: Record<string, string> = {
  generic_decline: 'The card was declined.',
  partial_approval: 'The card was only partially approved, which the Ecommerce API declines.',
  insufficient_funds: 'The card was declined: insufficient funds.',
};

/** Only a sandbox OAuth access token or Ecommerce private key of a known merchant (§3, §7). */
export function canCharge(c: StoredCredential): boolean {
  return (
    c.provider === 'clover' &&
    c.environment === 'sandbox' &&
    c.merchantId !== null &&
    (c.kind === 'access_token' || c.kind === 'ecommerce_private_key')
  );
}

function mapCharge(r: CallResult<Charge>): Outcome {
  const unknown = (why: string): Outcome =>
    outcome(
      'unknown',
      `${why} Clover may have charged: it is sent again with the same idempotency key and card token, which returns the first result instead of charging twice.`,
    );
  if (r.ok) {
    const paid = r.data.paid !== false && (r.data.status === undefined || r.data.status === 'succeeded');
    return paid
      ? outcome(
          'succeeded',
          `Approved: Clover charge ${r.data.id} for ${r.data.amount} ${r.data.currency.toUpperCase()}.`,
          r.data.id,
        )
      : outcome('declined', `Clover did not approve charge ${r.data.id}.`, r.data.id);
  }
  const err = ecomErrorOf(r.body);
  switch (r.failure) {
    case 'timeout':
    case 'network':
    case 'server':
    case 'unreadable':
      return unknown(failureWords(r.failure, r.status, null));
    case 'rate_limited':
      // A 429 is refused before processing (§9), unless an earlier send of this call lost its answer.
      return r.attempts > 1
        ? unknown(failureWords(r.failure, r.status, r.retryAfterMs))
        : outcome(
            'failed',
            `${failureWords(r.failure, r.status, r.retryAfterMs)} Nothing was charged; Retry in a moment (same key).`,
          );
    case 'unauthorized':
      return outcome('failed', `Clover refused the access token (401): it is ${INVALID_401}. Nothing was charged.`);
    case 'not_allowed':
      return outcome('failed', failureWords(r.failure, r.status, null));
    case 'client':
      break;
  }
  if (r.status === 402 || err?.type === 'card_error') {
    const words =
      (err?.decline_code && DECLINES[err.decline_code]) ??
      `The card was declined${err?.decline_code ? ` (${err.decline_code})` : ''}.`;
    return outcome('declined', words, err?.charge ?? null);
  }
  if (err?.type === 'idempotency_error') {
    return outcome(
      'failed',
      'Clover refused it: this idempotency key was already used with a different request. Nothing new was charged.',
    );
  }
  if (err?.code === 'token_already_used') {
    return outcome(
      'failed',
      'Clover says the card token was already used by another charge. Nothing new was charged; start a new charge.',
    );
  }
  const what = [err?.code, err?.param && `on ${err.param}`].filter(Boolean).join(' ');
  return outcome(
    'failed',
    `Clover refused the charge (HTTP ${r.status ?? '4xx'}${what ? `: ${what}` : ''}). Nothing was charged.`,
  );
}

export function createCharge(api: CloverApi) {
  return async function charge(input: ChargeInput, ctx: ProviderContext): Promise<ChargeOutcome> {
    const cred = input.credential;
    const none = (message: string): ChargeOutcome => ({ ...outcome('failed', message), sourceToken: null, sends: 0 });
    // The domain refuses production first; this is the provider's own guard (DESIGN invariant 3).
    if (!canCharge(cred)) return none('This credential cannot send a Clover sandbox test charge; nothing was sent.');
    let source = input.sourceToken;
    let made: string | null = null;
    if (source === null) {
      const key = tokenizationKeyFor(cred, ctx.credentials());
      if (!key)
        return none(
          `No PAKMS key is stored for merchant ${cred.merchantId}, so no card token could be made. Nothing was sent: fetch the PAKMS key, then Retry.`,
        );
      const test = testCardFor(input.scenario, ctx.clock());
      if (!test) return none(`"${input.scenario}" is not a Clover test scenario; nothing was sent.`);
      const t = await api.tokenize(
        ctx,
        'sandbox',
        await ctx.secretOf(key.id),
        test.card,
        limitsFor('sandbox', key.id, key.appId ?? cred.appId),
      );
      if (!t.ok) {
        const why =
          t.failure === 'unauthorized'
            ? 'Clover refused the PAKMS key (401): it may be disabled or belong to another merchant.'
            : failureWords(t.failure, t.status, t.retryAfterMs);
        return none(
          `The card token for ${test.words} could not be made: ${why} Nothing was charged; Retry sends a new card token.`,
        );
      }
      source = made = t.data.id;
    }
    const body = {
      amount: input.amount,
      currency: input.currency.toLowerCase(),
      source,
      capture: true,
      ecomind: 'ecom',
    };
    const r = await api.charge(
      ctx,
      'sandbox',
      await ctx.secretOf(cred.id),
      input.idempotencyKey,
      body,
      limitsFor('sandbox', cred.id, cred.appId),
    );
    return { ...mapCharge(r), sourceToken: made, sends: r.attempts };
  };
}
