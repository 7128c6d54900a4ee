// The documented sandbox test nonce for each Square charge scenario (square-api.md §5, DOCS
// /docs/testing/test-values). Nonces are public test values, not card tokens: nothing to keep.
import type { CHARGE_SCENARIOS } from '@shared/vocabulary';

export type SquareScenario = (typeof CHARGE_SCENARIOS.square)[number];

export const SQUARE_TEST_NONCES: Readonly<Record<SquareScenario, string>> = {
  ok: 'cnon:card-nonce-ok',
  declined: 'cnon:card-nonce-declined',
  cvv: 'cnon:card-nonce-rejected-cvv',
  postal_code: 'cnon:card-nonce-rejected-postalcode',
  expiration: 'cnon:card-nonce-rejected-expiration',
};

export function isSquareScenario(s: string): s is SquareScenario {
  return Object.hasOwn(SQUARE_TEST_NONCES, s);
}
