// Identifier and credential formats. Square documents none of the prefixes; these are the observed ones
// (ref §2 table): EAAA access tokens (64 characters, forum 1655), EQAA refresh tokens, sq0idp-/sandbox-sq0idb-
// application IDs, sq0csp-/sandbox-sq0csb- secrets (gitleaks: 43 characters after the prefix), sq0cgp-/sq0cgb- codes.
import { randomBytes } from 'node:crypto';
import type { Environment } from './types';

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomString(length: number, alphabet = URL_SAFE): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export const ids = {
  accessToken: () => `EAAA${randomString(60)}`,
  refreshToken: () => `EQAA${randomString(60)}`,
  applicationId: (env: Environment) => `${env === 'sandbox' ? 'sandbox-sq0idb-' : 'sq0idp-'}${randomString(22)}`,
  applicationSecret: (env: Environment) => `${env === 'sandbox' ? 'sandbox-sq0csb-' : 'sq0csp-'}${randomString(43)}`,
  authorizationCode: (env: Environment) => `${env === 'sandbox' ? 'sq0cgb-' : 'sq0cgp-'}${randomString(22)}`,
  merchant: () => randomString(13, UPPER_ALNUM),
  location: () => `L${randomString(12, UPPER_ALNUM)}`,
  payment: () => randomString(29, BASE62),
  order: () => randomString(29, BASE62),
  refund: (paymentId: string) => `${paymentId}_${randomString(40, BASE62)}`,
  versionToken: () => randomString(45, BASE62),
  fingerprint: () => `sq-1-${randomString(60)}`,
};
