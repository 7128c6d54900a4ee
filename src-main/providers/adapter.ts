// What each vendor module (providers/clover, providers/square) gives the domains that are the
// same for both: inspection (inspect/), refresh (inspect/refresh.ts) and test charges (charges/).
// Providers talk HTTP and read secrets through the context; they never write the index or the
// ledger: they answer with what they found and the domain stores it.
import type { InspectionResult } from '@shared/contract';
import type { ChargeScenario, ChargeStatus, Provider } from '@shared/vocabulary';
import type { Logger } from '../log/logger';
import type { RedactionRegistry } from '../log/redaction';
import type { StoredCredential } from '../vault/stored-record';
import type { HttpContext } from './http/http-context';

export interface ProviderContext {
  http: HttpContext;
  clock: () => Date;
  logger: Logger;
  redaction: RedactionRegistry;
  /** The credential's value from the keychain (registered for redaction); NOT_FOUND when gone. */
  secretOf(id: string): Promise<string>;
  /** Read-only metadata, e.g. to find the app or PAKMS key linked to a token. */
  credentials(): readonly StoredCredential[];
  /** Aborts bulk work the user cancelled; pass it to every request. */
  signal?: AbortSignal;
}

/** Metadata an inspection learned; the domain applies it to the record (never a secret). */
export type DiscoveredMetadata = Partial<Pick<StoredCredential, 'merchantId' | 'appId' | 'locationId' | 'expiresAt'>>;

export interface InspectOutcome {
  result: Omit<InspectionResult, 'checkedAt'>;
  discovered: DiscoveredMetadata;
}

/** A token pair as stored: the access token and, when linked, its refresh token. */
export interface TokenPair {
  access: StoredCredential;
  refresh: StoredCredential | null;
}

export interface RefreshedPair {
  access: { value: string; expiresAt: string | null };
  /** null: the vendor returned no new refresh token (Square's code flow keeps the same one). */
  refresh: { value: string; expiresAt: string | null } | null;
}

export interface ChargeInput {
  attemptId: string;
  credential: StoredCredential;
  idempotencyKey: string;
  amount: number;
  currency: string;
  scenario: ChargeScenario;
  locationId: string | null;
  /** A card token made for this attempt earlier (Clover), reused on every retry. */
  sourceToken: string | null;
  /** HTTP sends already made with this key (0 for a new attempt): tells a replay from a first answer. */
  previousSends?: number;
}

export interface ChargeOutcome {
  status: Extract<ChargeStatus, 'succeeded' | 'declined' | 'failed' | 'unknown'>;
  message: string;
  vendorId: string | null;
  /** The vendor answered with its stored result for this key. */
  replayed: boolean;
  /** A card token made during this call, to keep for retries (Clover's clv_...). */
  sourceToken: string | null;
  /** HTTP sends this call made with the idempotency key. */
  sends: number;
}

export interface RefundInput {
  credential: StoredCredential;
  vendorId: string;
  amount: number | null;
  /** The charge's currency (ISO 4217): Square's refund must name it (square-api.md §5). */
  currency: string;
  idempotencyKey: string;
}

export interface RefundOutcome {
  id: string;
  amount: number;
  status: string;
}

export interface ProviderAdapter {
  readonly provider: Provider;
  /** Inspects one credential (never spending a refresh token). */
  inspect(credential: StoredCredential, ctx: ProviderContext): Promise<InspectOutcome>;
  /** Spends the pair's refresh token for a new pair; absent when the provider has none. */
  refresh?(pair: TokenPair, ctx: ProviderContext): Promise<RefreshedPair>;
  /** Which credentials can send a sandbox test charge. */
  canCharge(credential: StoredCredential): boolean;
  charge(input: ChargeInput, ctx: ProviderContext): Promise<ChargeOutcome>;
  refund(input: RefundInput, ctx: ProviderContext): Promise<RefundOutcome>;
}
