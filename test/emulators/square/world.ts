// The Square world behind both listeners: applications, merchants and locations, tokens and codes,
// payments and refunds. Every record belongs to one environment; lookups take the environment, so a
// credential from the other one is simply unknown (ref §1: "environments are isolated").
import { DAY, HOUR, MINUTE, type Clock } from './clock';
import { ids } from './ids';
import type {
  Application,
  ApplicationSeed,
  Environment,
  LocationSeed,
  Merchant,
  MerchantSeed,
  OAuthFlow,
  SquarePayment,
  SquareRefund,
  SquareEmulatorOptions,
  TokenState,
} from './types';

/** Ref §4: access tokens 30 days, short-lived 24 h; PKCE refresh tokens 90 days; codes 5 minutes. */
export const LIFETIME = { access: 30 * DAY, shortLived: 24 * HOUR, pkceRefresh: 90 * DAY, code: 5 * MINUTE };

export interface LocationRecord {
  id: string;
  environment: Environment;
  merchantId: string;
  name: string;
  businessName: string;
  status: 'ACTIVE' | 'INACTIVE';
  capabilities: string[];
  currency: string;
  country: string;
  type: 'PHYSICAL' | 'MOBILE';
  createdAt: number;
}

export interface MerchantRecord extends Merchant {
  country: string;
  currency: string;
  createdAt: number;
}

export interface AccessTokenRecord {
  value: string;
  kind: 'personal' | 'oauth';
  environment: Environment;
  applicationId: string;
  merchantId: string;
  scopes: string[];
  /** Absent: never expires (personal access tokens, ref §2). */
  expiresAt?: number;
  revoked: boolean;
  flow?: OAuthFlow;
  /** One authorization's tokens share a chain: a refresh replaces the chain's access token. */
  chainId?: string;
}

export interface RefreshTokenRecord {
  value: string;
  environment: Environment;
  applicationId: string;
  merchantId: string;
  /** What the seller authorized; a refresh may narrow the new access token, never this. */
  scopes: string[];
  flow: OAuthFlow;
  chainId: string;
  expiresAt?: number;
  used: boolean;
  revoked: boolean;
}

export interface CodeRecord {
  value: string;
  environment: Environment;
  applicationId: string;
  merchantId: string;
  scopes: string[];
  redirectUri?: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
}

export interface PaymentEntry {
  environment: Environment;
  merchantId: string;
  idempotencyKey: string;
  payment: SquarePayment;
}

export interface RefundEntry {
  environment: Environment;
  merchantId: string;
  refund: SquareRefund;
}

export interface MintedTokens {
  access: AccessTokenRecord;
  refresh: RefreshTokenRecord;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

export class World {
  readonly apps = new Map<string, Application>();
  readonly merchants = new Map<string, MerchantRecord>();
  readonly locations = new Map<string, LocationRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, CodeRecord>();
  readonly payments = new Map<string, PaymentEntry>();
  readonly refunds = new Map<string, RefundEntry>();
  private chains = 0;

  constructor(
    readonly clock: Clock,
    readonly options: Required<Pick<SquareEmulatorOptions, 'oauthRedirects' | 'previousAccessTokenOnRefresh'>>,
  ) {}

  createApplication(seed: ApplicationSeed): Application {
    if (seed.redirectUri !== undefined) this.checkRedirectUri(seed.redirectUri);
    const app: Application = {
      id: ids.applicationId(seed.environment),
      secret: ids.applicationSecret(seed.environment),
      environment: seed.environment,
      name: seed.name ?? 'Test application',
      ...(seed.redirectUri !== undefined ? { redirectUri: seed.redirectUri } : {}),
    };
    this.apps.set(app.id, app);
    return { ...app };
  }

  /** The console takes an HTTPS Redirect URL; http on loopback only if the option allows it (ref §4). */
  private checkRedirectUri(uri: string): void {
    let parsed: URL;
    try {
      parsed = new URL(uri);
    } catch {
      throw new Error('redirectUri is not a URL');
    }
    const httpOk = this.options.oauthRedirects === 'allow-http-loopback' && LOOPBACK.test(parsed.href);
    if (parsed.protocol !== 'https:' && !httpOk) {
      throw new Error(`redirectUri must be https (oauthRedirects: ${this.options.oauthRedirects})`);
    }
  }

  createMerchant(seed: MerchantSeed): Merchant {
    const id = ids.merchant();
    const businessName = seed.businessName ?? 'Test Seller';
    const country = seed.country ?? 'US';
    const currency = seed.currency ?? 'USD';
    const seeds: LocationSeed[] = seed.locations?.length ? seed.locations : [{}];
    const createdAt = this.clock.now();
    const locationIds = seeds.map((s, i) => {
      const loc: LocationRecord = {
        id: ids.location(),
        environment: seed.environment,
        merchantId: id,
        name: s.name ?? (i === 0 ? 'Main Location' : `Location ${i + 1}`),
        businessName,
        status: s.status ?? 'ACTIVE',
        capabilities: s.capabilities ?? ['CREDIT_CARD_PROCESSING', 'AUTOMATIC_TRANSFERS'],
        currency: s.currency ?? currency,
        country: s.country ?? country,
        type: s.type ?? 'PHYSICAL',
        createdAt,
      };
      this.locations.set(loc.id, loc);
      return loc.id;
    });
    const merchant: MerchantRecord = {
      id,
      environment: seed.environment,
      businessName,
      country,
      currency,
      createdAt,
      mainLocationId: locationIds[0] ?? '',
      locationIds,
    };
    this.merchants.set(id, merchant);
    return {
      id,
      environment: seed.environment,
      businessName,
      mainLocationId: merchant.mainLocationId,
      locationIds: [...locationIds],
    };
  }

  app(env: Environment, id: unknown): Application | undefined {
    const app = typeof id === 'string' ? this.apps.get(id) : undefined;
    return app?.environment === env ? app : undefined;
  }

  merchant(env: Environment, id: unknown): MerchantRecord | undefined {
    const m = typeof id === 'string' ? this.merchants.get(id) : undefined;
    return m?.environment === env ? m : undefined;
  }

  requireApp(id: string): Application {
    const app = this.apps.get(id);
    if (!app) throw new Error('unknown applicationId');
    return app;
  }

  requireMerchant(id: string, env: Environment): MerchantRecord {
    const m = this.merchants.get(id);
    if (!m) throw new Error('unknown merchantId');
    if (m.environment !== env) throw new Error('merchant and application belong to different environments');
    return m;
  }

  createPersonalToken(applicationId: string, merchantId: string, allScopes: string[]): string {
    const app = this.requireApp(applicationId);
    this.requireMerchant(merchantId, app.environment);
    const value = ids.accessToken();
    this.accessTokens.set(value, {
      value,
      kind: 'personal',
      environment: app.environment,
      applicationId,
      merchantId,
      scopes: allScopes,
      revoked: false,
    });
    return value;
  }

  /** A new authorization (code exchange or issueOAuth): a fresh chain with one access and one refresh token. */
  mintAuthorization(input: {
    applicationId: string;
    merchantId: string;
    scopes: string[];
    flow: OAuthFlow;
    shortLived: boolean;
  }): MintedTokens {
    const app = this.requireApp(input.applicationId);
    this.requireMerchant(input.merchantId, app.environment);
    const chainId = `chain-${++this.chains}`;
    const now = this.clock.now();
    const refresh: RefreshTokenRecord = {
      value: ids.refreshToken(),
      environment: app.environment,
      applicationId: app.id,
      merchantId: input.merchantId,
      scopes: [...input.scopes],
      flow: input.flow,
      chainId,
      used: false,
      revoked: false,
      ...(input.flow === 'pkce' ? { expiresAt: now + LIFETIME.pkceRefresh } : {}),
    };
    this.refreshTokens.set(refresh.value, refresh);
    return { access: this.mintAccess(refresh, input.scopes, input.shortLived), refresh };
  }

  mintAccess(chain: RefreshTokenRecord, scopes: string[], shortLived: boolean): AccessTokenRecord {
    const access: AccessTokenRecord = {
      value: ids.accessToken(),
      kind: 'oauth',
      environment: chain.environment,
      applicationId: chain.applicationId,
      merchantId: chain.merchantId,
      scopes: [...scopes],
      revoked: false,
      flow: chain.flow,
      chainId: chain.chainId,
      expiresAt: this.clock.now() + (shortLived ? LIFETIME.shortLived : LIFETIME.access),
    };
    this.accessTokens.set(access.value, access);
    return access;
  }

  /**
   * A refresh: PKCE tokens are single-use and replaced by a new one valid 90 days; code-flow tokens are
   * reused as they are (ref §4, SPEC ObtainTokenResponse.refresh_token).
   */
  refresh(old: RefreshTokenRecord, scopes: string[], shortLived: boolean): MintedTokens {
    if (this.options.previousAccessTokenOnRefresh === 'revoked') {
      for (const t of this.accessTokens.values()) if (t.chainId === old.chainId) t.revoked = true;
    }
    let refresh = old;
    if (old.flow === 'pkce') {
      old.used = true;
      refresh = { ...old, value: ids.refreshToken(), used: false, expiresAt: this.clock.now() + LIFETIME.pkceRefresh };
      this.refreshTokens.set(refresh.value, refresh);
    }
    return { access: this.mintAccess(refresh, scopes, shortLived), refresh };
  }

  /** POST /oauth2/revoke without revoke_only_access_token: every OAuth token of the app for that merchant (ref §4). */
  revokeAuthorization(env: Environment, applicationId: string, merchantId: string): number {
    let count = 0;
    for (const t of [...this.accessTokens.values(), ...this.refreshTokens.values()]) {
      const oauth = !('kind' in t) || t.kind === 'oauth';
      if (
        oauth &&
        t.environment === env &&
        t.applicationId === applicationId &&
        t.merchantId === merchantId &&
        !t.revoked
      ) {
        t.revoked = true;
        count++;
      }
    }
    return count;
  }

  tokenState(value: string): TokenState {
    const t = this.accessTokens.get(value) ?? this.refreshTokens.get(value);
    if (!t) return 'unknown';
    if (t.revoked) return 'revoked';
    if ('used' in t && t.used) return 'used';
    if (t.expiresAt !== undefined && t.expiresAt <= this.clock.now()) return 'expired';
    return 'active';
  }

  expireToken(value: string): void {
    const t = this.accessTokens.get(value) ?? this.refreshTokens.get(value);
    if (!t) throw new Error('unknown token');
    t.expiresAt = this.clock.now();
  }
}
