// Read-only views of the world for assertions. Nothing here returns a token value: credentials are
// named by their id, requests by method and (redacted) path.
import type { RateLimiter } from './rate-limit';
import type { ChargeRecord, World } from './state';
import type {
  ChargeView,
  CloverEnvironment,
  CredentialStatus,
  RateLimitStats,
  RefundView,
  RequestLogEntry,
} from './types';

export interface ChargeFilter {
  environment?: CloverEnvironment;
  merchantId?: string;
  idempotencyKey?: string;
  status?: 'succeeded' | 'failed';
}

export interface Inspector {
  /** Every request received, oldest first (method, path, status, times; no token values). */
  requests(filter?: { environment?: CloverEnvironment; method?: string; path?: string | RegExp }): RequestLogEntry[];
  /** Charges created (declined ones included, status 'failed'). */
  charges(filter?: ChargeFilter): ChargeView[];
  chargeCount(filter?: ChargeFilter): number;
  refunds(filter?: { environment?: CloverEnvironment; chargeId?: string }): RefundView[];
  /** Requests that reached /oauth/v2/refresh (any outcome). */
  refreshCalls(environment?: CloverEnvironment): number;
  /** State of a credential, by value or id: active, expired, used, evicted, revoked, uninstalled, unknown. */
  credentialStatus(valueOrId: string): CredentialStatus;
  /** Refresh tokens of app+merchant still usable (at most the cap). */
  activeRefreshTokens(appId: string, merchantId: string): number;
  /** 429s the limiter gave, and peak concurrency / per-second counts per token id and app id. */
  rateLimits(): RateLimitStats;
}

function chargeView(c: ChargeRecord): ChargeView {
  return {
    id: c.id,
    environment: c.environment,
    merchantId: c.merchantId,
    appId: c.appId,
    idempotencyKey: c.idempotencyKey,
    amount: c.body.amount,
    amountRefunded: c.amountRefunded,
    currency: c.body.currency,
    status: c.status,
    captured: c.body.captured,
    created: c.body.created,
    sourceId: c.sourceId,
  };
}

export function createInspector(world: World, log: readonly RequestLogEntry[], limiter: RateLimiter): Inspector {
  const charges = (f: ChargeFilter = {}) =>
    [...world.charges.values()]
      .filter(
        (c) =>
          (f.environment === undefined || c.environment === f.environment) &&
          (f.merchantId === undefined || c.merchantId === f.merchantId) &&
          (f.idempotencyKey === undefined || c.idempotencyKey === f.idempotencyKey) &&
          (f.status === undefined || c.status === f.status),
      )
      .map(chargeView);
  const requests: Inspector['requests'] = (f = {}) =>
    log
      .filter(
        (e) =>
          (f.environment === undefined || e.environment === f.environment) &&
          (f.method === undefined || e.method === f.method.toUpperCase()) &&
          (f.path === undefined ||
            (typeof f.path === 'string'
              ? e.path === f.path
              : new RegExp(f.path.source, f.path.flags.replace(/[gy]/g, '')).test(e.path))),
      )
      .map((e) => ({ ...e }));
  return {
    requests,
    charges,
    chargeCount: (f) => charges(f).length,
    refunds: (f = {}) =>
      world.refunds
        .filter(
          (r) =>
            (f.environment === undefined || r.environment === f.environment) &&
            (f.chargeId === undefined || r.chargeId === f.chargeId),
        )
        .map((r) => ({
          id: r.id,
          environment: r.environment,
          chargeId: r.chargeId,
          amount: r.body.amount,
          created: r.body.created,
        })),
    refreshCalls: (environment) =>
      requests({ path: '/oauth/v2/refresh', ...(environment ? { environment } : {}) }).length,
    credentialStatus(valueOrId) {
      const c = world.credentials.get(valueOrId) ?? world.credentialByValue(valueOrId);
      return c ? world.statusOf(c) : 'unknown';
    },
    activeRefreshTokens: (appId, merchantId) => world.activeRefreshCount(appId, merchantId),
    rateLimits: () => limiter.stats(),
  };
}
