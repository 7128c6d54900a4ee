// The documented test scenarios per vendor, in words (what main sends for each: Clover's test cards,
// clover-api.md §7; Square's sandbox nonces, square-api.md §5), and each vendor's idempotency rules.
import type { ChargeScenario, Provider } from '@shared/vocabulary';

export const SCENARIO_LABELS: Record<ChargeScenario, string> = {
  approve: 'Approves: Visa 4242',
  decline: 'Declines: Visa 4005 5717 0222 2222',
  partial_approval: 'Partial approval (the Ecommerce API declines it): Visa 4005 5780 0333 3335',
  amex_approve: 'Approves: Amex 3782 822463 10005',
  ok: 'Approves: cnon:card-nonce-ok',
  declined: 'Declines: cnon:card-nonce-declined',
  cvv: 'CVV rejected: cnon:card-nonce-rejected-cvv',
  postal_code: 'Postal code rejected: cnon:card-nonce-rejected-postalcode',
  expiration: 'Expiration rejected: cnon:card-nonce-rejected-expiration',
};

export const KEY_RULES: Record<Provider, string> = {
  clover:
    'Clover: sent as the idempotency-key header, a v4 UUID. The same key with the same request returns the first result; with another request Clover answers an idempotency error.',
  square:
    'Square: idempotency_key, at most 45 characters. The same key with the same body returns the original payment; with another body Square answers IDEMPOTENCY_KEY_REUSED.',
};

export const CURRENCIES = ['USD', 'CAD', 'GBP', 'EUR', 'AUD'] as const;

/** "12.34" -> 1234 minor units; null when it is not a positive amount with at most 2 decimals. */
export function toMinorUnits(text: string): number | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return minor >= 1 ? minor : null;
}

export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}
