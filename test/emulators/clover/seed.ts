// Seeding: what a developer would set up on Clover's dashboards (apps, test merchants, installs,
// tokens, keys), done directly so tests need not click through the authorize page each time.
import * as ids from './ids';
import { SetupError, toIssued, type World } from './state';
import type {
  AppRecord,
  CloverEnvironment,
  CloverPermission,
  InstallRecord,
  IssuedCredential,
  MerchantRecord,
  V2TokenPair,
} from './types';

const CLOVER_ID_RE = /^[A-Z0-9]{13}$/;
/** Default app permissions: enough for merchant lookup, PAKMS and charges. */
const DEFAULT_PERMISSIONS: CloverPermission[] = ['MERCHANT_R', 'PROCESS_CARDS'];

export interface Seeder {
  app(o?: {
    environment?: CloverEnvironment;
    id?: string;
    secret?: string;
    name?: string;
    permissions?: CloverPermission[];
    redirectUris?: string[];
  }): AppRecord;
  merchant(o?: { environment?: CloverEnvironment; id?: string; name?: string; currency?: string }): MerchantRecord;
  /** Installs (or re-installs) the app: the install takes the app's permissions unless given. */
  install(o: { appId: string; merchantId: string; permissions?: CloverPermission[] }): InstallRecord;
  /** Every token of that app+merchant stops working (401). */
  uninstall(o: { appId: string; merchantId: string }): void;
  /** A dashboard change: existing installs keep their permissions until re-installed (ref §8). */
  setAppPermissions(appId: string, permissions: CloverPermission[]): AppRecord;
  /** Issues a v2 pair as /oauth/v2/token would (the install must exist); counts toward the cap. */
  v2Tokens(o: { appId: string; merchantId: string }): V2TokenPair;
  /** A legacy v1 token (UUID). Lifetime: the `legacyTokenTtlMs` option unless `expiresInMs` is given. */
  legacyToken(o: { appId: string; merchantId: string; expiresInMs?: number | null }): IssuedCredential;
  /** Merchant-generated test API token (ref §3): sandbox only, scoped. No expiry unless given. */
  merchantTestToken(o: {
    merchantId: string;
    permissions: CloverPermission[];
    expiresInMs?: number | null;
  }): IssuedCredential;
  /** The merchant's one Ecommerce key pair (ref §3); a second call returns the same pair. */
  ecommerceKeys(o: { merchantId: string }): { publicKey: IssuedCredential; privateKey: IssuedCredential };
  /** The PAKMS key GET /pakms/apikey would return for app+merchant (created if missing). */
  pakmsKey(o: { appId: string; merchantId: string }): IssuedCredential;
  /** App + merchant + install + v2 pair in one call. */
  connectedMerchant(o?: { environment?: CloverEnvironment; permissions?: CloverPermission[] }): {
    app: AppRecord;
    merchant: MerchantRecord;
    install: InstallRecord;
    tokens: V2TokenPair;
  };
  /** Which merchant the authorize page signs in as (default: the environment's first merchant). */
  authorizeAs(environment: CloverEnvironment, merchantId: string): void;
  /** Revokes a credential by value or id (e.g. the merchant removed it). */
  revoke(valueOrId: string): void;
}

export function createSeeder(world: World): Seeder {
  const needApp = (id: string) => {
    const a = world.apps.get(id);
    if (!a) throw new SetupError(`unknown app ${id}`);
    return a;
  };
  const needMerchant = (id: string) => {
    const m = world.merchants.get(id);
    if (!m) throw new SetupError(`unknown merchant ${id}`);
    return m;
  };
  const needInstall = (appId: string, merchantId: string) => {
    const i = world.install(appId, merchantId);
    if (!i) throw new SetupError(`app ${appId} is not installed on merchant ${merchantId}`);
    return i;
  };
  const freshId = (id: string | undefined, taken: Map<string, unknown>) => {
    if (id !== undefined && !CLOVER_ID_RE.test(id)) throw new SetupError('ids are 13 uppercase letters or digits');
    if (id !== undefined && taken.has(id)) throw new SetupError(`id ${id} already exists`);
    return id ?? ids.cloverId();
  };
  const ttl = (given: number | null | undefined, fallback: number | null) => (given === undefined ? fallback : given);

  const seeder: Seeder = {
    app(o = {}) {
      const app: AppRecord = {
        id: freshId(o.id, world.apps),
        secret: o.secret ?? ids.uuid(),
        environment: o.environment ?? 'sandbox',
        name: o.name ?? 'Test App',
        permissions: [...(o.permissions ?? DEFAULT_PERMISSIONS)],
        redirectUris: [...(o.redirectUris ?? [])],
      };
      world.apps.set(app.id, app);
      return { ...app };
    },
    merchant(o = {}) {
      const currency = o.currency ?? 'usd';
      if (!/^[a-z]{3}$/.test(currency)) throw new SetupError('currency is lowercase ISO 4217 (ref §7)');
      const m: MerchantRecord = {
        id: freshId(o.id, world.merchants),
        environment: o.environment ?? 'sandbox',
        name: o.name ?? 'Test Merchant',
        currency,
        ownerEmployeeId: ids.cloverId(),
        ownerName: 'Owner',
        ownerEmail: 'owner@example.test',
        phoneNumber: '5555550100',
        address: { address1: '1 Test Street', city: 'Sunnyvale', state: 'CA', zip: '94085', country: 'US' },
        createdTime: world.now(),
      };
      world.merchants.set(m.id, m);
      return { ...m };
    },
    install(o) {
      const app = needApp(o.appId);
      const m = needMerchant(o.merchantId);
      if (app.environment !== m.environment) throw new SetupError('app and merchant are in different environments');
      const rec: InstallRecord = {
        appId: app.id,
        merchantId: m.id,
        environment: m.environment,
        permissions: [...(o.permissions ?? app.permissions)],
        installedAt: world.now(),
      };
      world.setInstall(rec);
      return { ...rec };
    },
    uninstall(o) {
      if (!world.removeInstall(o.appId, o.merchantId)) throw new SetupError('not installed');
    },
    setAppPermissions(appId, permissions) {
      const app = needApp(appId);
      app.permissions = [...permissions];
      return { ...app };
    },
    v2Tokens(o) {
      const i = needInstall(o.appId, o.merchantId);
      const { access, refresh } = world.issuePair(i.environment, i.appId, i.merchantId, `fam_${world.nextSeq()}`);
      return {
        access_token: access.value,
        access_token_expiration: Math.floor(access.expiresAt! / 1000),
        refresh_token: refresh!.value,
        refresh_token_expiration: Math.floor(refresh!.expiresAt! / 1000),
        accessTokenId: access.id,
        refreshTokenId: refresh!.id,
      };
    },
    legacyToken(o) {
      const i = needInstall(o.appId, o.merchantId);
      const base = { environment: i.environment, appId: i.appId, merchantId: i.merchantId };
      const ttlMs = ttl(o.expiresInMs, world.config.legacyTokenTtlMs);
      return toIssued(world.addCredential({ ...base, kind: 'legacy', value: ids.uuid(), ttlMs }));
    },
    merchantTestToken(o) {
      const m = needMerchant(o.merchantId);
      // ref §3: "Do not use the test merchant API tokens in the production environment."
      if (m.environment !== 'sandbox') throw new SetupError('merchant test tokens exist in sandbox only (ref §3)');
      return toIssued(
        world.addCredential({
          kind: 'merchant_test',
          value: ids.uuid(),
          environment: 'sandbox',
          merchantId: m.id,
          permissions: [...o.permissions],
          ttlMs: ttl(o.expiresInMs, null),
        }),
      );
    },
    ecommerceKeys(o) {
      const m = needMerchant(o.merchantId);
      const find = (kind: 'ecommerce_public' | 'ecommerce_private') =>
        [...world.credentials.values()].find((c) => c.kind === kind && c.merchantId === m.id && c.revokedAt === null);
      const base = { environment: m.environment, merchantId: m.id, ttlMs: null };
      const pub =
        find('ecommerce_public') ?? world.addCredential({ ...base, kind: 'ecommerce_public', value: ids.hex32() });
      const priv =
        find('ecommerce_private') ?? world.addCredential({ ...base, kind: 'ecommerce_private', value: ids.uuid() });
      return { publicKey: toIssued(pub), privateKey: toIssued(priv) };
    },
    pakmsKey(o) {
      const i = needInstall(o.appId, o.merchantId);
      const k = world.pakmsKeyFor(i.environment, i.appId, i.merchantId);
      return toIssued(world.credentialByValue(k.key)!);
    },
    connectedMerchant(o = {}) {
      const environment = o.environment ?? 'sandbox';
      const app = seeder.app({ environment, ...(o.permissions ? { permissions: o.permissions } : {}) });
      const merchant = seeder.merchant({ environment });
      const install = seeder.install({ appId: app.id, merchantId: merchant.id });
      return { app, merchant, install, tokens: seeder.v2Tokens({ appId: app.id, merchantId: merchant.id }) };
    },
    authorizeAs(environment, merchantId) {
      if (needMerchant(merchantId).environment !== environment)
        throw new SetupError('merchant is in the other environment');
      world.authorizeMerchant[environment] = merchantId;
    },
    revoke(valueOrId) {
      const c = world.credentials.get(valueOrId) ?? world.credentialByValue(valueOrId);
      if (!c) throw new SetupError('unknown credential');
      c.revokedAt ??= world.now();
    },
  };
  return seeder;
}
