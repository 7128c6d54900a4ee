// Public types of the local Square (see README.md for the whole control API).
import type { ContractViolation } from './openapi';

export type Environment = 'sandbox' | 'production';
export type OAuthFlow = 'code' | 'pkce';

export interface RateLimitOptions {
  /** At most this many requests per `windowMs` on one environment's listener; more get 429 RATE_LIMITED. */
  maxRequests?: number;
  windowMs?: number;
  /** At most this many requests in flight on one listener; more get 429 RATE_LIMITED. */
  maxConcurrent?: number;
}

export interface SquareEmulatorOptions {
  /** Added before each request is processed (the benchmark uses 50). Default 0. */
  latencyMs?: number;
  /** Wall clock in ms since the epoch; default Date.now. `handle.advance(ms)` adds on top. */
  now?: () => number;
  /** Off by default: Square publishes no numbers (ref §7). */
  rateLimit?: RateLimitOptions;
  /** HTTP status of a card decline; 400 vs 402 is UNCONFIRMED (ref §5). Default 400. */
  declineStatus?: 400 | 402;
  /** token/status `expires_at` for personal tokens, "empty if the token never expires" (ref §3). Default 'omit'. */
  personalTokenExpiresAt?: 'omit' | 'empty-string';
  /** Redirect URLs an application may register; the docs disagree for sandbox (ref §4). Default 'https-only'. */
  oauthRedirects?: 'https-only' | 'allow-http-loopback';
  /** Whether a refresh revokes the access token it replaces: UNCONFIRMED, default 'revoked' (stricter). */
  previousAccessTokenOnRefresh?: 'revoked' | 'valid';
  /** Flag fields Square's schemas do not define (default true). */
  strictContract?: boolean;
  /** Version echoed when a request sends no Square-Version (the application's pinned one, ref §1). */
  defaultSquareVersion?: string;
}

export interface ApplicationSeed {
  environment: Environment;
  name?: string;
  /** The one Redirect URL registered on the application's OAuth page. */
  redirectUri?: string;
}

export interface Application {
  id: string;
  /** Application secret (`sq0csp-` / `sandbox-sq0csb-`). A fake value: fine in tests, never in logs. */
  secret: string;
  environment: Environment;
  name: string;
  redirectUri?: string;
}

export interface LocationSeed {
  name?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  /** Default ['CREDIT_CARD_PROCESSING', 'AUTOMATIC_TRANSFERS']. */
  capabilities?: ('CREDIT_CARD_PROCESSING' | 'AUTOMATIC_TRANSFERS' | 'UNLINKED_REFUNDS')[];
  currency?: string;
  country?: string;
  type?: 'PHYSICAL' | 'MOBILE';
}

export interface MerchantSeed {
  environment: Environment;
  businessName?: string;
  country?: string;
  currency?: string;
  /** The first one is the main location. Default: one active card-processing location. */
  locations?: LocationSeed[];
}

export interface Merchant {
  id: string;
  environment: Environment;
  businessName: string;
  mainLocationId: string;
  locationIds: string[];
}

export interface IssueOAuthInput {
  applicationId: string;
  merchantId: string;
  flow: OAuthFlow;
  scopes: string[];
  shortLived?: boolean;
}

export interface IssuedOAuth {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  /** PKCE only: 90 days. */
  refreshTokenExpiresAt?: string;
  merchantId: string;
}

export interface AuthorizeInput {
  applicationId: string;
  merchantId: string;
  /** Default MERCHANT_PROFILE_READ PAYMENTS_READ SETTLEMENTS_READ BANK_ACCOUNTS_READ (ref §4). */
  scopes?: string[];
  state?: string;
  /** Must equal the application's registered Redirect URL when given. */
  redirectUri?: string;
  /** Turns on PKCE (S256 only). */
  codeChallenge?: string;
  codeChallengeMethod?: string;
  /** What the seller clicks. Default 'allow'. */
  decision?: 'allow' | 'deny';
}

export type RevokeInput =
  { applicationId: string; merchantId: string } | { accessToken: string; onlyAccessToken?: boolean };

export type TokenState = 'active' | 'expired' | 'revoked' | 'used' | 'unknown';

export type Fault =
  /** Processed normally, answered `ms` later (past a client timeout: the payment exists, the answer is late). */
  | { type: 'delay'; ms: number }
  /** Connection destroyed before processing: nothing happened. */
  | { type: 'drop-before' }
  /** Processed (side effects happen), then the connection is destroyed without an answer. */
  | { type: 'drop-after' }
  /** 500 INTERNAL_SERVER_ERROR JSON, not processed. */
  | { type: 'error-500' }
  /** 502 text/html error page (a proxy in the way), not processed. */
  | { type: 'html-502' }
  /** Processed, then the real JSON answer is cut in half. */
  | { type: 'truncated-json' }
  /** 429 RATE_LIMITED, not processed. */
  | { type: 'rate-limited' }
  /**
   * JSON that is not what Square's API says (wrong types, missing fields): answered with `status`
   * (default 200) instead of the real answer, after processing when `processed` is true. Never
   * contract-checked or recorded as a violation: it is deliberately wrong, for a client's tests.
   */
  | { type: 'bad-json'; body: unknown; status?: number; processed?: boolean };

export type FaultType = Fault['type'];

export interface FaultMatch {
  method?: string;
  /** Exact path (no query string) or a RegExp tested against it. */
  path?: string | RegExp;
  environment?: Environment;
}

export interface FaultControl {
  /** Applies `fault` to the next matching request only. */
  once(match: FaultMatch, fault: Fault): void;
  /** Applies `fault` to every matching request until `clear()`. */
  always(match: FaultMatch, fault: Fault): void;
  clear(): void;
}

export interface RequestLogEntry {
  environment: Environment;
  method: string;
  /** Path only: no query string, no header, never a token. */
  path: string;
  operationId?: string;
  /** null when the connection was dropped. */
  status: number | null;
  fault?: FaultType;
  /** The Square-Version header the client sent, null if none. */
  squareVersion: string | null;
  /** On the emulator's clock. */
  at: string;
  durationMs: number;
}

export interface RecordedViolation {
  environment: Environment;
  direction: 'request' | 'response';
  method: string;
  path: string;
  status?: number;
  violations: ContractViolation[];
}

export interface RefreshCall {
  environment: Environment;
  at: string;
  applicationId?: string;
  flow?: OAuthFlow;
  status: number;
  errorCode?: string;
}

export interface EmulatorStats {
  requests: number;
  rateLimited: number;
  peakConcurrency: number;
  inFlight: number;
}

/** Square's wire objects, as the stand-in sends them (typed loosely: the contract check is the authority). */
export type SquarePayment = Record<string, unknown> & { id: string; status: string; location_id: string };
export type SquareRefund = Record<string, unknown> & { id: string; payment_id: string; status: string };

export interface PaymentFilter {
  environment?: Environment;
  merchantId?: string;
  status?: string;
  /** Every payment created under this key (a correct replay leaves exactly one). */
  idempotencyKey?: string;
}

export interface SquareEmulator {
  urls: Record<Environment, string>;
  /** The app's createCore `endpoints` option. */
  endpoints(): { 'square.sandbox': string; 'square.production': string };

  createApplication(seed: ApplicationSeed): Application;
  createMerchant(seed: MerchantSeed): Merchant;
  /** Full-access, never-expiring token of the application owner's account (ref §2). */
  createPersonalToken(input: { applicationId: string; merchantId: string }): string;
  /** Mints OAuth tokens as if the seller had authorized and the code had been exchanged. */
  issueOAuth(input: IssueOAuthInput): IssuedOAuth;
  /** Simulates the seller on the authorize page; returns the redirect URL with `code` or `error`. */
  authorize(input: AuthorizeInput): string;
  /** Same effect as POST /oauth2/revoke; returns how many tokens were revoked. */
  revoke(input: RevokeInput): number;
  /** Makes an access or refresh token expire now. */
  expireToken(token: string): void;
  tokenState(token: string): TokenState;
  /** Every secret the stand-in ever issued (access and refresh tokens, application secrets,
   *  authorization codes), for tests that prove none of them leaked anywhere. */
  issuedSecrets(): string[];

  now(): number;
  advance(ms: number): void;
  setLatency(ms: number): void;
  setRateLimit(limit: RateLimitOptions | undefined): void;
  faults: FaultControl;

  payments(filter?: PaymentFilter): SquarePayment[];
  /** The payment created under this key, if any. */
  paymentByIdempotencyKey(key: string): SquarePayment | undefined;
  refunds(): SquareRefund[];
  refreshCalls(): RefreshCall[];
  requests(): RequestLogEntry[];
  contractViolations(): RecordedViolation[];
  stats(): EmulatorStats;
  /** Clears the request log, refresh calls, violations and counters (not the world). */
  resetObservations(): void;

  close(): Promise<void>;
}
