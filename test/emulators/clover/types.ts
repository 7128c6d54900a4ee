// Public types of the local Clover: options, seeded records, faults, inspection views.
// Every field follows /work/shared/reference/clover-api.md (cited as "ref §n"), never our own client.

export type CloverEnvironment = 'sandbox' | 'production';
export const ENVIRONMENTS: readonly CloverEnvironment[] = ['sandbox', 'production'];

/** Permission names as Clover's platform reports them (ref §8 community introspection example).
 *  The dashboard's "Online payments" permission (ref §5) is modelled as PROCESS_CARDS (ref §10.1). */
export const CLOVER_PERMISSIONS = [
  'MERCHANT_R',
  'MERCHANT_W',
  'EMPLOYEES_R',
  'EMPLOYEES_W',
  'CUSTOMERS_R',
  'CUSTOMERS_W',
  'INVENTORY_R',
  'INVENTORY_W',
  'ORDERS_R',
  'ORDERS_W',
  'PAYMENTS_R',
  'PAYMENTS_W',
  'PROCESS_CARDS',
] as const;
export type CloverPermission = (typeof CLOVER_PERMISSIONS)[number];

/** The four published limits (ref §9); the value is also the X-RateLimit-<name> header suffix. */
export type RateLimitName = 'tokenLimit' | 'crossTokenLimit' | 'tokenConcurrentLimit' | 'crossTokenConcurrentLimit';

export interface RateLimitConfig {
  enabled: boolean;
  /** ref §9: 16 requests/s per token. */
  perTokenPerSecond: number;
  /** ref §9: 5 concurrent requests per token. */
  perTokenConcurrent: number;
  /** ref §9: 50 requests/s per app. */
  perAppPerSecond: number;
  /** ref §9: 10 concurrent requests per app. */
  perAppConcurrent: number;
  /** `retry-after` on concurrency 429s. ref §9 only gives an example (21); 1 s keeps tests fast. */
  concurrencyRetryAfterSec: number;
  /** ref §9 "Retrying early makes the wait longer": a request during the retry-after window is refused
   *  again and the window restarts. */
  penalizeEarlyRetry: boolean;
}

/** Where an Ecommerce error's fields sit. ref §7: nesting under `error` is UNCONFIRMED; the docs list
 *  the fields flat, so 'flat' is the default. 'nested' lets client tests prove they read both. */
export type ErrorEnvelope = 'flat' | 'nested';

export interface CloverEmulatorOptions {
  /** Added to every response (ms), for benchmarks. Default 0. */
  latencyMs?: number;
  /** Base clock in ms since the epoch (default Date.now). `advance()` adds to it. */
  now?: () => number;
  /** ref §2: access-token lifetime is UNCONFIRMED ("within minutes"); 30 min is our choice. */
  accessTokenTtlMs?: number;
  /** ref §2: the sample refresh response implies ~365 days. */
  refreshTokenTtlMs?: number;
  /** Authorization codes (authorize page and migrate_v2). Not published; 5 min is our choice. */
  authCodeTtlMs?: number;
  /** ref §2: active refresh tokens per app+merchant are capped, limit unpublished; 5 is our choice. */
  maxActiveRefreshTokens?: number;
  /** ref §2: docs say legacy tokens are "non-expiring", a community answer says 365 days. The
   *  stricter reading (365 days) is the default; `null` = never expire. */
  legacyTokenTtlMs?: number | null;
  /** Partial override of the published limits; `false` switches rate limiting off. On by default. */
  rateLimits?: Partial<RateLimitConfig> | false;
  errorEnvelope?: ErrorEnvelope;
}

export interface ResolvedConfig {
  latencyMs: number;
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
  authCodeTtlMs: number;
  maxActiveRefreshTokens: number;
  legacyTokenTtlMs: number | null;
  rateLimits: RateLimitConfig;
  errorEnvelope: ErrorEnvelope;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  perTokenPerSecond: 16,
  perTokenConcurrent: 5,
  perAppPerSecond: 50,
  perAppConcurrent: 10,
  concurrencyRetryAfterSec: 1,
  penalizeEarlyRetry: true,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function resolveConfig(o: CloverEmulatorOptions): ResolvedConfig {
  const rl =
    o.rateLimits === false ? { ...DEFAULT_RATE_LIMITS, enabled: false } : { ...DEFAULT_RATE_LIMITS, ...o.rateLimits };
  return {
    latencyMs: o.latencyMs ?? 0,
    accessTokenTtlMs: o.accessTokenTtlMs ?? 30 * 60 * 1000,
    refreshTokenTtlMs: o.refreshTokenTtlMs ?? 365 * DAY_MS,
    authCodeTtlMs: o.authCodeTtlMs ?? 5 * 60 * 1000,
    maxActiveRefreshTokens: o.maxActiveRefreshTokens ?? 5,
    legacyTokenTtlMs: o.legacyTokenTtlMs === undefined ? 365 * DAY_MS : o.legacyTokenTtlMs,
    rateLimits: rl,
    errorEnvelope: o.errorEnvelope ?? 'flat',
  };
}

// ---- seeded records ---------------------------------------------------------------------------

export interface AppRecord {
  /** ref §4: 13 characters. */
  id: string;
  /** ref §4: UUID. */
  secret: string;
  environment: CloverEnvironment;
  name: string;
  /** What the app requests; an install snapshots it (ref §8: changes need a reinstall). */
  permissions: CloverPermission[];
  /** Allowed redirect URIs; empty = any http(s) URI. Loopback URIs match on any port. */
  redirectUris: string[];
}

export interface MerchantRecord {
  /** ref §4: 13 alphanumeric characters. */
  id: string;
  environment: CloverEnvironment;
  name: string;
  /** Lowercase ISO 4217 (ref §7); charges in another currency are refused. */
  currency: string;
  /** The employee who clicks Allow; reported as employee_id in the callback (ref §2). */
  ownerEmployeeId: string;
  ownerName: string;
  ownerEmail: string;
  phoneNumber: string;
  address: { address1: string; city: string; state: string; zip: string; country: string };
  createdTime: number;
}

export interface InstallRecord {
  appId: string;
  merchantId: string;
  environment: CloverEnvironment;
  permissions: CloverPermission[];
  installedAt: number;
}

export type CredentialKind =
  'v2_access' | 'v2_refresh' | 'legacy' | 'merchant_test' | 'ecommerce_private' | 'ecommerce_public' | 'pakms';

/** A credential as tests get it back from seeding: `id` is a non-secret handle used by inspection. */
export interface IssuedCredential {
  id: string;
  kind: CredentialKind;
  value: string;
  environment: CloverEnvironment;
  merchantId: string;
  appId?: string;
  /** ms since the epoch; null = no expiry. */
  expiresAt: number | null;
}

/** The body /oauth/v2/token returns (ref §2), plus the handles of both tokens. */
export interface V2TokenPair {
  access_token: string;
  access_token_expiration: number;
  refresh_token: string;
  refresh_token_expiration: number;
  accessTokenId: string;
  refreshTokenId: string;
}

export type CredentialStatus = 'active' | 'expired' | 'used' | 'evicted' | 'revoked' | 'uninstalled' | 'unknown';

// ---- faults -----------------------------------------------------------------------------------

export interface FaultMatch {
  method?: string;
  /** Exact pathname (no query) or a RegExp tested against it. */
  path?: string | RegExp;
  environment?: CloverEnvironment;
}

/** `when: 'after'` (the default) means the request IS processed first: its side effect (a charge
 *  created, a refresh token spent) happens and only the answer is lost or replaced. */
export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'drop'; when?: 'before' | 'after' }
  | { kind: 'json500'; when?: 'before' | 'after' }
  | { kind: 'html502'; when?: 'before' | 'after' }
  | { kind: 'truncatedJson' }
  | { kind: 'rateLimit429'; limit?: RateLimitName; retryAfterSec?: number };

export interface FaultRule {
  readonly match: FaultMatch;
  readonly fault: Fault;
  readonly once: boolean;
  /** How many requests this rule has hit so far. */
  readonly hits: number;
  cancel(): void;
}

// ---- inspection views (no token values anywhere) ------------------------------------------------

export interface RequestLogEntry {
  seq: number;
  environment: CloverEnvironment;
  method: string;
  /** Pathname only (the query is never logged); a path segment equal to a known secret is redacted. */
  path: string;
  /** null when the connection was dropped without an answer. */
  status: number | null;
  outcome: 'answered' | 'dropped' | 'truncated';
  /** Emulator clock (ms) at arrival. */
  receivedAt: number;
  /** Real elapsed time until the answer (or drop), including latency and delays. */
  durationMs: number;
  fault?: Fault['kind'];
  rateLimited?: RateLimitName;
  credentialId?: string;
  credentialKind?: CredentialKind;
  appId?: string;
  merchantId?: string;
  idempotencyKey?: string;
}

export interface ChargeView {
  id: string;
  environment: CloverEnvironment;
  merchantId: string;
  appId: string | null;
  idempotencyKey: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  status: 'succeeded' | 'failed';
  captured: boolean;
  created: number;
  sourceId: string;
}

export interface RefundView {
  id: string;
  environment: CloverEnvironment;
  chargeId: string;
  amount: number;
  created: number;
}

export interface RateLimitStats {
  rejected: Record<RateLimitName, number>;
  total429: number;
  /** Keyed by credential id (never the token value) / app id. */
  peakConcurrencyByToken: Record<string, number>;
  peakConcurrencyByApp: Record<string, number>;
  /** Most requests admitted in any sliding 1 s window. */
  peakPerSecondByToken: Record<string, number>;
  peakPerSecondByApp: Record<string, number>;
}
