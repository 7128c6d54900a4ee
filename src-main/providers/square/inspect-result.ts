// The shape every Square inspection answers with, and the verdicts that need no vendor detail
// (unreachable, rate limited): one builder, so each path fills every field the contract wants.
import { AppError } from '../../errors/app-error';
import type { InspectOutcome, ProviderContext } from '../adapter';
import type { SquareFailure } from './client';

type Result = InspectOutcome['result'];

export function result(partial: Pick<Result, 'verdict' | 'reason'> & Partial<Result>): Result {
  return {
    nextStep: null,
    checklist: [],
    environmentFound: null,
    merchant: null,
    appId: null,
    expiresAt: null,
    scopes: [],
    risks: [],
    locations: [],
    requests: 0,
    ...partial,
    reason: partial.reason.slice(0, 500),
  };
}

/**
 * A call that got no usable answer: a verdict the user can act on (unreachable, rate limited), or
 * a typed error when Square's answer did not match its API (nothing is concluded or stored then).
 * A cancelled bulk inspection rethrows, so no verdict is stored for it.
 */
export function failureOutcome(f: SquareFailure, what: string, requests: number, ctx: ProviderContext): InspectOutcome {
  if (f.kind === 'transport') {
    if (ctx.signal?.aborted) throw f.error;
    const timeout = f.error.kind === 'timeout';
    return {
      result: result({
        verdict: 'unreachable',
        reason: timeout ? `Square did not answer the ${what} in time.` : `Square could not be reached for the ${what}.`,
        nextStep: 'Check your connection, VPN or firewall, then inspect again.',
        requests,
      }),
      discovered: {},
    };
  }
  if (f.kind === 'square' && f.status === 429) {
    return {
      result: result({
        verdict: 'rate_limited',
        reason: `Square is rate-limiting requests (HTTP 429 RATE_LIMITED) and did not answer the ${what}.`,
        nextStep: 'Wait a minute, then inspect again. Square publishes no limits, only that clients should back off.',
        requests,
      }),
      discovered: {},
    };
  }
  if (f.status !== null && f.status >= 500) {
    const code = f.kind === 'square' ? ` ${f.errors[0]?.code ?? ''}` : ', an error page';
    return {
      result: result({
        verdict: 'unreachable',
        reason: `Square had a problem answering the ${what} (HTTP ${f.status}${code}).`,
        nextStep: 'Try again in a few minutes; check status.squareup.com if it keeps happening.',
        requests,
      }),
      discovered: {},
    };
  }
  if (f.kind === 'square') {
    const e = f.errors[0];
    return {
      result: result({
        verdict: 'error',
        reason: `Square refused the ${what} (HTTP ${f.status} ${e?.code ?? ''}).`,
        requests,
      }),
      discovered: {},
    };
  }
  throw new AppError(
    'VENDOR_ERROR',
    `Square's answer to the ${what} does not match its API, so nothing was concluded.`,
    'Try again; if it keeps happening, something between you and Square may be changing its answers.',
  );
}
