// The app's literal vocabulary, defined once: providers, environments, credential kinds per
// provider, copy formats and the limits both sides enforce. Plain constants and types only (no
// zod), so the renderer can import them without bundling the contract's schemas.

export const PROVIDERS = ['clover', 'square'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const ENVIRONMENTS = ['sandbox', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** What each provider keeps; see shared/reference/clover-api.md §3-5 and square-api.md §2. */
export const KINDS = {
  clover: [
    'app_id',
    'app_secret',
    'access_token',
    'refresh_token',
    'merchant_token',
    'pakms_key',
    'ecommerce_public_key',
    'ecommerce_private_key',
  ],
  square: ['application_id', 'application_secret', 'access_token', 'refresh_token'],
} as const;

export type CloverKind = (typeof KINDS.clover)[number];
export type SquareKind = (typeof KINDS.square)[number];
export type KindOf<P extends Provider> = (typeof KINDS)[P][number];
export type Kind = CloverKind | SquareKind;
export const ALL_KINDS = [...new Set<Kind>([...KINDS.clover, ...KINDS.square])] as [Kind, ...Kind[]];
/** A provider with one of its own kinds: `{ provider: 'square', kind: 'app_id' }` does not compile. */
export type ProviderKind = { [P in Provider]: { provider: P; kind: KindOf<P> } }[Provider];

export function isKindOf<P extends Provider>(provider: P, kind: string): kind is KindOf<P> {
  return (KINDS[provider] as readonly string[]).includes(kind);
}

export const KIND_LABELS: { readonly [K in Kind]: string } = {
  app_id: 'App ID',
  app_secret: 'App secret',
  access_token: 'Access token',
  refresh_token: 'Refresh token',
  merchant_token: 'Merchant token',
  pakms_key: 'PAKMS key',
  ecommerce_public_key: 'Ecommerce public key',
  ecommerce_private_key: 'Ecommerce private key',
  application_id: 'Application ID',
  application_secret: 'Application secret',
};

export const PROVIDER_LABELS: { readonly [P in Provider]: string } = { clover: 'Clover', square: 'Square' };
export const ENVIRONMENT_LABELS: { readonly [E in Environment]: string } = {
  sandbox: 'Sandbox',
  production: 'Production',
};

/** Where a credential came from; `keychain` = adopted from an orphaned keychain item; `oauth` = an OAuth connect done by main. */
export const CREDENTIAL_SOURCES = ['clipboard', 'file', 'keychain', 'oauth'] as const;
export type CredentialSource = (typeof CREDENTIAL_SOURCES)[number];

/** What "Copy" can put on the clipboard: the value, a `KEY=value` line, or a ready curl. */
export const COPY_FORMATS = ['raw', 'env', 'curl'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

export const LABEL_MAX_LENGTH = 80;

/** How long a copied secret stays on the clipboard (KeePassXC-style countdown). */
export const CLIPBOARD_CLEAR_SECONDS = { min: 5, max: 600, default: 30 } as const;

/** A credential expiring within this many days is flagged (issue #10's default window). */
export const EXPIRY_WARNING_DAYS = { min: 1, max: 90, default: 7 } as const;
export const EXPIRING_SOON_DAYS = EXPIRY_WARNING_DAYS.default;

/** How a credential's expiry reads at the time main answered (inspect/expiry.ts computes it). */
export const EXPIRY_STATES = ['none', 'valid', 'soon', 'expired'] as const;
export type ExpiryState = (typeof EXPIRY_STATES)[number];

/**
 * What an inspection concluded (issues #8/#9); "unchecked" is the absence of one. `untested`: the
 * credential cannot be tested without spending or exposing it (a refresh token, an app secret),
 * so only its metadata was judged.
 */
export const VERDICTS = [
  'valid',
  'invalid',
  'expired',
  'wrong_environment',
  'unreachable',
  'rate_limited',
  'untested',
  'error',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const RISK_LEVELS = ['info', 'warning', 'danger'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Sandbox test-charge scenarios per vendor, each backed by a documented test card or nonce
 * (clover-api.md §6, square-api.md §5). Main maps a scenario to the card or nonce.
 */
export const CHARGE_SCENARIOS = {
  clover: ['approve', 'decline', 'partial_approval', 'amex_approve'],
  square: ['ok', 'declined', 'cvv', 'postal_code', 'expiration'],
} as const;
export type ChargeScenario = (typeof CHARGE_SCENARIOS)[Provider][number];
export const ALL_CHARGE_SCENARIOS = [
  ...new Set<ChargeScenario>([...CHARGE_SCENARIOS.clover, ...CHARGE_SCENARIOS.square]),
] as [ChargeScenario, ...ChargeScenario[]];

/**
 * Where a charge attempt stands. `unknown`: sent, but no answer came (timeout, dropped
 * connection, 5xx): retry it with the same key to learn the outcome without charging twice.
 */
export const CHARGE_STATUSES = [
  'pending',
  'succeeded',
  'declined',
  'failed',
  'unknown',
  'refunded',
  'partially_refunded',
] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

/** Vendors' idempotency-key limits: Clover wants a v4 UUID (clover-api.md §7), Square 1-45 characters (square-api.md §5). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = { clover: 36, square: 45 } as const;

/** What the last keychain call found; the header follows it and offers Retry. */
export const KEYCHAIN_STATES = ['ok', 'unavailable', 'locked', 'timeout'] as const;
export type KeychainState = (typeof KEYCHAIN_STATES)[number];
