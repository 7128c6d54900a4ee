// Sandbox test payment sources (ref §5, DOCS /docs/testing/test-values; the error mapping comes from
// third-party test suites). Only the sandbox listener accepts them: production refuses every test value.
export type DeclineCode = 'GENERIC_DECLINE' | 'CVV_FAILURE' | 'ADDRESS_VERIFICATION_FAILURE' | 'INVALID_EXPIRATION';

export type SourceOutcome =
  | { kind: 'ok'; onFile: boolean }
  | { kind: 'decline'; code: DeclineCode; onFile: boolean }
  /**
   * CARD_TOKEN_USED is UNCONFIRMED (ref §5). The nonce is refused before any authorization, so the stand-in
   * answers 400 INVALID_REQUEST_ERROR without a payment (unlike a decline, which creates a FAILED payment).
   */
  | { kind: 'token-used' };

export const TEST_SOURCES: Readonly<Record<string, SourceOutcome>> = {
  'cnon:card-nonce-ok': { kind: 'ok', onFile: false },
  'cnon:card-nonce-declined': { kind: 'decline', code: 'GENERIC_DECLINE', onFile: false },
  'cnon:card-nonce-rejected-cvv': { kind: 'decline', code: 'CVV_FAILURE', onFile: false },
  'cnon:card-nonce-rejected-postalcode': { kind: 'decline', code: 'ADDRESS_VERIFICATION_FAILURE', onFile: false },
  'cnon:card-nonce-rejected-expiration': { kind: 'decline', code: 'INVALID_EXPIRATION', onFile: false },
  'cnon:card-nonce-already-used': { kind: 'token-used' },
  // Card-on-file variants (ref §5: Drupal commerce_square); they need customer_id (SPEC CreatePaymentRequest).
  'ccof:customer-card-id-ok': { kind: 'ok', onFile: true },
  'ccof:customer-card-id-declined': { kind: 'decline', code: 'GENERIC_DECLINE', onFile: true },
};
