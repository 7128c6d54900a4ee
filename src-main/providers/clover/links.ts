// Finding what belongs together, from metadata only: the app a token was issued for, the PAKMS
// key of a token's merchant, a token that can vouch for a PAKMS key. Links are the refresh
// token's parentId (its access token), parentId app -> secret, and shared merchant/app ids.
import type { ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';

type Clover = Extract<StoredCredential, { provider: 'clover' }>;

export const isClover = (c: StoredCredential): c is Clover => c.provider === 'clover';

/** A legacy (v1) token is UUID-shaped (clover-api.md §2); v2 tokens have no fixed format. */
export const isLegacyValue = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export function refreshTokenOf(access: StoredCredential, all: readonly StoredCredential[]): StoredCredential | null {
  return all.find((c) => c.provider === 'clover' && c.kind === 'refresh_token' && c.parentId === access.id) ?? null;
}

/**
 * The App ID (client_id) for a token: its own appId metadata, else an app_id credential it is
 * linked to (its parentId), else the one app_id credential with no doubt about it (same
 * environment, and the only one). App IDs are not secret, but they are stored in the keychain
 * like every imported value, so reading one goes through secretOf.
 */
export async function appIdFor(token: StoredCredential, ctx: ProviderContext): Promise<string | null> {
  if (token.appId) return token.appId;
  const all = ctx.credentials();
  const parent = token.parentId ? all.find((c) => c.id === token.parentId) : undefined;
  const app = parent?.provider === 'clover' && parent.kind === 'app_id' ? parent : undefined;
  if (app) return (await ctx.secretOf(app.id)).trim();
  return null;
}

/** The tokenization key for a merchant: its PAKMS key, else its Ecommerce public key (§3, §6). */
export function tokenizationKeyFor(token: StoredCredential, all: readonly StoredCredential[]): StoredCredential | null {
  if (!token.merchantId) return null;
  const sameMerchant = (c: StoredCredential): boolean =>
    c.provider === 'clover' && c.merchantId === token.merchantId && c.environment === token.environment;
  return (
    all.find(
      (c) => sameMerchant(c) && c.kind === 'pakms_key' && (!c.appId || !token.appId || c.appId === token.appId),
    ) ??
    all.find((c) => sameMerchant(c) && c.kind === 'ecommerce_public_key') ??
    null
  );
}

/** An OAuth access token of the PAKMS key's merchant (and app, when both are known). */
export function tokenForMerchant(key: StoredCredential, all: readonly StoredCredential[]): StoredCredential | null {
  if (!key.merchantId) return null;
  return (
    all.find(
      (c) =>
        c.provider === 'clover' &&
        c.kind === 'access_token' &&
        c.merchantId === key.merchantId &&
        c.environment === key.environment &&
        (!c.appId || !key.appId || c.appId === key.appId),
    ) ?? null
  );
}
