// The one Clover world both listeners share: apps, merchants, installs, credentials, codes, keys,
// card tokens, charges, refunds, idempotency records. Each record carries its environment.
import type { Clock } from './clock';
import * as ids from './ids';
import type {
  AppRecord,
  CloverEnvironment,
  CloverPermission,
  CredentialKind,
  CredentialStatus,
  InstallRecord,
  IssuedCredential,
  MerchantRecord,
  ResolvedConfig,
} from './types';

export interface CredentialRecord {
  id: string;
  kind: CredentialKind;
  value: string;
  environment: CloverEnvironment;
  merchantId: string;
  appId?: string;
  /** merchant_test only: the scopes ticked when it was created (ref §3). */
  permissions?: CloverPermission[];
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  /** v2_refresh: spent (ref §2 "used only once") or pushed out by the cap. */
  usedAt: number | null;
  evictedAt: number | null;
  /** Tokens descended from one authorization code (revoked together if the code is replayed). */
  family?: string;
}

export interface AuthCodeRecord {
  code: string;
  environment: CloverEnvironment;
  appId: string;
  merchantId: string;
  challenge: string | null;
  expiresAt: number;
  usedAt: number | null;
  family: string;
  /** Set for codes from /oauth/token/migrate_v2: the legacy token being migrated. */
  legacyCredentialId: string | null;
}

export interface PakmsKeyRecord {
  key: string;
  environment: CloverEnvironment;
  appId: string;
  merchantId: string;
  createdTime: number;
  modifiedTime: number;
  active: boolean;
}

export interface CardTokenRecord {
  id: string;
  environment: CloverEnvironment;
  merchantId: string;
  appId: string | null;
  number: string;
  brand: string;
  exp_month: string;
  exp_year: string;
  createdAt: number;
  usedAt: number | null;
}

export interface ChargeRecord {
  id: string;
  environment: CloverEnvironment;
  merchantId: string;
  appId: string | null;
  idempotencyKey: string;
  status: 'succeeded' | 'failed';
  amountRefunded: number;
  /** The Clover response body (ref §7), kept current as refunds land. */
  body: Record<string, unknown> & { amount: number; currency: string; created: number; captured: boolean };
  sourceId: string;
}

export interface RefundRecord {
  id: string;
  environment: CloverEnvironment;
  merchantId: string;
  chargeId: string;
  body: Record<string, unknown> & { amount: number; created: number };
}

export interface StoredReply {
  status: number;
  body: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  reply: StoredReply;
}

export class SetupError extends Error {
  override readonly name = 'CloverEmulatorSetupError';
}

const pairKey = (appId: string, merchantId: string) => `${appId}:${merchantId}`;

export class World {
  readonly apps = new Map<string, AppRecord>();
  readonly merchants = new Map<string, MerchantRecord>();
  readonly installs = new Map<string, InstallRecord>();
  private readonly byValue = new Map<string, CredentialRecord>();
  readonly credentials = new Map<string, CredentialRecord>();
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly pakmsKeys = new Map<string, PakmsKeyRecord>();
  readonly cardTokens = new Map<string, CardTokenRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds: RefundRecord[] = [];
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** The merchant the authorize page signs in as, per environment (default: the first one seeded). */
  readonly authorizeMerchant: Partial<Record<CloverEnvironment, string>> = {};
  /** Refresh tokens per app+merchant, oldest first, for the cap (ref §2). */
  private readonly refreshChains = new Map<string, CredentialRecord[]>();
  private seq = 0;

  constructor(
    readonly config: ResolvedConfig,
    readonly clock: Clock,
  ) {}

  now(): number {
    return this.clock.now();
  }

  // ---- lookups that respect the environment: the other environment's records do not exist here ----

  app(env: CloverEnvironment, id: string): AppRecord | undefined {
    const a = this.apps.get(id);
    return a?.environment === env ? a : undefined;
  }

  merchant(env: CloverEnvironment, id: string): MerchantRecord | undefined {
    const m = this.merchants.get(id);
    return m?.environment === env ? m : undefined;
  }

  install(appId: string, merchantId: string): InstallRecord | undefined {
    return this.installs.get(pairKey(appId, merchantId));
  }

  setInstall(rec: InstallRecord): void {
    this.installs.set(pairKey(rec.appId, rec.merchantId), rec);
  }

  removeInstall(appId: string, merchantId: string): boolean {
    return this.installs.delete(pairKey(appId, merchantId));
  }

  credentialByValue(value: string): CredentialRecord | undefined {
    return this.byValue.get(value);
  }

  isKnownSecret(value: string): boolean {
    return this.byValue.has(value) || this.codes.has(value) || [...this.apps.values()].some((a) => a.secret === value);
  }

  statusOf(c: CredentialRecord): CredentialStatus {
    if (c.revokedAt !== null) return 'revoked';
    if (c.usedAt !== null) return 'used';
    if (c.evictedAt !== null) return 'evicted';
    if (c.expiresAt !== null && this.now() >= c.expiresAt) return 'expired';
    if (c.appId !== undefined && !this.install(c.appId, c.merchantId)) return 'uninstalled';
    return 'active';
  }

  /** The credential named by `value` if it exists in `env` and may be used now. */
  activeCredential(env: CloverEnvironment, value: string): CredentialRecord | undefined {
    const c = this.byValue.get(value);
    if (!c || c.environment !== env) return undefined;
    return this.statusOf(c) === 'active' ? c : undefined;
  }

  /** Permissions a credential carries: its own (merchant test tokens) or its install's (ref §8). */
  permissionsOf(c: CredentialRecord): ReadonlySet<CloverPermission> {
    if (c.permissions) return new Set(c.permissions);
    if (c.appId === undefined) return new Set();
    return new Set(this.install(c.appId, c.merchantId)?.permissions ?? []);
  }

  // ---- creation ----------------------------------------------------------------------------------

  addCredential(
    fields: Pick<CredentialRecord, 'kind' | 'environment' | 'merchantId' | 'appId' | 'permissions' | 'family'> & {
      value: string;
      ttlMs: number | null;
    },
  ): CredentialRecord {
    const now = this.now();
    const rec: CredentialRecord = {
      id: `cred_${++this.seq}`,
      kind: fields.kind,
      value: fields.value,
      environment: fields.environment,
      merchantId: fields.merchantId,
      createdAt: now,
      expiresAt: fields.ttlMs === null ? null : now + fields.ttlMs,
      revokedAt: null,
      usedAt: null,
      evictedAt: null,
    };
    if (fields.appId !== undefined) rec.appId = fields.appId;
    if (fields.permissions !== undefined) rec.permissions = [...fields.permissions];
    if (fields.family !== undefined) rec.family = fields.family;
    if (this.byValue.has(rec.value)) throw new SetupError('credential value already exists');
    this.byValue.set(rec.value, rec);
    this.credentials.set(rec.id, rec);
    return rec;
  }

  /** Issues an access token and (unless `noRefresh`) a refresh token, enforcing the cap (ref §2). */
  issuePair(
    env: CloverEnvironment,
    appId: string,
    merchantId: string,
    family: string,
    noRefresh = false,
  ): { access: CredentialRecord; refresh: CredentialRecord | null } {
    const base = { environment: env, appId, merchantId, family };
    const access = this.addCredential({
      ...base,
      kind: 'v2_access',
      value: ids.v2Token(),
      ttlMs: this.config.accessTokenTtlMs,
    });
    if (noRefresh) return { access, refresh: null };
    const refresh = this.addCredential({
      ...base,
      kind: 'v2_refresh',
      value: ids.v2Token(),
      ttlMs: this.config.refreshTokenTtlMs,
    });
    const key = pairKey(appId, merchantId);
    const chain = (this.refreshChains.get(key) ?? []).filter((r) => this.statusOf(r) === 'active');
    chain.push(refresh);
    // ref §2: "older ones become invalid" -- silently, the holder finds out on its next refresh.
    while (chain.length > this.config.maxActiveRefreshTokens) chain.shift()!.evictedAt = this.now();
    this.refreshChains.set(key, chain);
    return { access, refresh };
  }

  activeRefreshCount(appId: string, merchantId: string): number {
    return (this.refreshChains.get(pairKey(appId, merchantId)) ?? []).filter((r) => this.statusOf(r) === 'active')
      .length;
  }

  issueCode(
    env: CloverEnvironment,
    appId: string,
    merchantId: string,
    challenge: string | null,
    legacyCredentialId: string | null = null,
  ): AuthCodeRecord {
    const rec: AuthCodeRecord = {
      code: ids.authCode(),
      environment: env,
      appId,
      merchantId,
      challenge,
      expiresAt: this.now() + this.config.authCodeTtlMs,
      usedAt: null,
      family: `fam_${++this.seq}`,
      legacyCredentialId,
    };
    this.codes.set(rec.code, rec);
    return rec;
  }

  revokeFamily(family: string): void {
    for (const c of this.credentials.values())
      if (c.family === family && c.revokedAt === null) c.revokedAt = this.now();
  }

  /** PAKMS key for app+merchant; ref §5 AutoActivateOnGet: created on first request, stable after. */
  pakmsKeyFor(env: CloverEnvironment, appId: string, merchantId: string): PakmsKeyRecord {
    const key = pairKey(appId, merchantId);
    const existing = this.pakmsKeys.get(key);
    if (existing) return existing;
    const now = this.now();
    const value = ids.hex32();
    const rec: PakmsKeyRecord = {
      key: value,
      environment: env,
      appId,
      merchantId,
      createdTime: now,
      modifiedTime: now,
      active: true,
    };
    this.pakmsKeys.set(key, rec);
    this.addCredential({ kind: 'pakms', value, environment: env, appId, merchantId, ttlMs: null });
    return rec;
  }

  nextSeq(): number {
    return ++this.seq;
  }
}

export function toIssued(c: CredentialRecord): IssuedCredential {
  const out: IssuedCredential = {
    id: c.id,
    kind: c.kind,
    value: c.value,
    environment: c.environment,
    merchantId: c.merchantId,
    expiresAt: c.expiresAt,
  };
  if (c.appId !== undefined) out.appId = c.appId;
  return out;
}
