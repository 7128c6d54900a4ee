// The environment-variable names we read from imported files and write for "copy as env line".
// One table both ways, so an exported line imports back to the same kind. The first name of a
// kind is the one we write; the others are names people use for the same thing (read only).
import type { Proposal } from '@shared/contract';

type Known = { provider: Proposal['provider']; kind: Proposal['kind'] };

const sq = (kind: Extract<Proposal, { provider: 'square' }>['kind']): Known => ({ provider: 'square', kind });
const cl = (kind: Extract<Proposal, { provider: 'clover' }>['kind']): Known => ({ provider: 'clover', kind });

export const SECRET_ENV_KEYS: Record<string, Known> = {
  SQUARE_ACCESS_TOKEN: sq('access_token'),
  SQUARE_REFRESH_TOKEN: sq('refresh_token'),
  SQUARE_APPLICATION_ID: sq('application_id'),
  SQUARE_APPLICATION_SECRET: sq('application_secret'),
  CLOVER_APP_ID: cl('app_id'),
  CLOVER_APP_SECRET: cl('app_secret'),
  CLOVER_ACCESS_TOKEN: cl('access_token'),
  CLOVER_REFRESH_TOKEN: cl('refresh_token'),
  CLOVER_MERCHANT_TOKEN: cl('merchant_token'),
  CLOVER_PAKMS_KEY: cl('pakms_key'),
  CLOVER_ECOMMERCE_PUBLIC_KEY: cl('ecommerce_public_key'),
  CLOVER_ECOMMERCE_PRIVATE_KEY: cl('ecommerce_private_key'),
  // Other names for the same things (Square's SDK samples, OAuth's client_id/secret, Clover's docs
  // calling the app ID a client ID and the PAKMS key an apiAccessKey, clover-api.md §2, §5).
  SQUARE_APP_ID: sq('application_id'),
  SQUARE_CLIENT_ID: sq('application_id'),
  SQUARE_APP_SECRET: sq('application_secret'),
  SQUARE_CLIENT_SECRET: sq('application_secret'),
  CLOVER_CLIENT_ID: cl('app_id'),
  CLOVER_APPLICATION_ID: cl('app_id'),
  CLOVER_CLIENT_SECRET: cl('app_secret'),
  CLOVER_APPLICATION_SECRET: cl('app_secret'),
  CLOVER_API_TOKEN: cl('access_token'),
  CLOVER_AUTH_TOKEN: cl('access_token'),
  CLOVER_OAUTH_TOKEN: cl('access_token'),
  CLOVER_API_ACCESS_TOKEN: cl('access_token'),
  CLOVER_OAUTH_REFRESH_TOKEN: cl('refresh_token'),
  CLOVER_TEST_API_TOKEN: cl('merchant_token'),
  CLOVER_MERCHANT_API_TOKEN: cl('merchant_token'),
  CLOVER_PAKMS_API_KEY: cl('pakms_key'),
  CLOVER_API_ACCESS_KEY: cl('pakms_key'),
  CLOVER_ECOMM_PUBLIC_KEY: cl('ecommerce_public_key'),
  CLOVER_PUBLIC_KEY: cl('ecommerce_public_key'),
  CLOVER_ECOMM_PRIVATE_KEY: cl('ecommerce_private_key'),
  CLOVER_PRIVATE_KEY: cl('ecommerce_private_key'),
};

/** Non-secret keys that become metadata of the secrets imported from the same file. */
export const METADATA_ENV_KEYS = {
  CLOVER_MERCHANT_ID: 'cloverMerchantId',
  CLOVER_MID: 'cloverMerchantId',
  CLOVER_MERCHANT_UUID: 'cloverMerchantId',
  SQUARE_MERCHANT_ID: 'squareMerchantId',
  SQUARE_LOCATION_ID: 'locationId',
  CLOVER_ENVIRONMENT: 'cloverEnvironment',
  CLOVER_ENV: 'cloverEnvironment',
  SQUARE_ENVIRONMENT: 'squareEnvironment',
  SQUARE_ENV: 'squareEnvironment',
  // The *_expiration fields of Clover's token response (Unix seconds, clover-api.md §2).
  CLOVER_ACCESS_TOKEN_EXPIRATION: 'cloverAccessExpiration',
  CLOVER_REFRESH_TOKEN_EXPIRATION: 'cloverRefreshExpiration',
} as const;

export function envKeyFor(provider: string, kind: string): string | null {
  for (const [key, known] of Object.entries(SECRET_ENV_KEYS))
    if (known.provider === provider && known.kind === kind) return key;
  return null;
}
