// The environment-variable names we read from imported files and write for "copy as env line".
// One table both ways, so an exported line imports back to the same kind.
import type { Proposal } from '@shared/contract';

type Known = { provider: Proposal['provider']; kind: Proposal['kind'] };

export const SECRET_ENV_KEYS: Record<string, Known> = {
  SQUARE_ACCESS_TOKEN: { provider: 'square', kind: 'access_token' },
  SQUARE_REFRESH_TOKEN: { provider: 'square', kind: 'refresh_token' },
  SQUARE_APPLICATION_ID: { provider: 'square', kind: 'application_id' },
  SQUARE_APPLICATION_SECRET: { provider: 'square', kind: 'application_secret' },
  CLOVER_APP_ID: { provider: 'clover', kind: 'app_id' },
  CLOVER_APP_SECRET: { provider: 'clover', kind: 'app_secret' },
  CLOVER_ACCESS_TOKEN: { provider: 'clover', kind: 'access_token' },
  CLOVER_REFRESH_TOKEN: { provider: 'clover', kind: 'refresh_token' },
  CLOVER_MERCHANT_TOKEN: { provider: 'clover', kind: 'merchant_token' },
  CLOVER_PAKMS_KEY: { provider: 'clover', kind: 'pakms_key' },
  CLOVER_ECOMMERCE_PUBLIC_KEY: { provider: 'clover', kind: 'ecommerce_public_key' },
  CLOVER_ECOMMERCE_PRIVATE_KEY: { provider: 'clover', kind: 'ecommerce_private_key' },
};

/** Non-secret keys that become metadata of the secrets imported from the same file. */
export const METADATA_ENV_KEYS = {
  CLOVER_MERCHANT_ID: 'cloverMerchantId',
  SQUARE_MERCHANT_ID: 'squareMerchantId',
  SQUARE_LOCATION_ID: 'locationId',
  CLOVER_ENVIRONMENT: 'cloverEnvironment',
  SQUARE_ENVIRONMENT: 'squareEnvironment',
} as const;

export function envKeyFor(provider: string, kind: string): string | null {
  for (const [key, known] of Object.entries(SECRET_ENV_KEYS)) if (known.provider === provider && known.kind === kind) return key;
  return null;
}
