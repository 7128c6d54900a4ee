// Random identifiers in the shapes the reference shows (ref §4 "Format hints").
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { CloverEnvironment } from './types';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** App, merchant, employee, charge and refund ids: 13 uppercase alphanumerics (ref §4, §7 examples). */
export const cloverId = (): string => pick(UPPER_ALNUM, 13);

/** ref §4: app secrets, legacy tokens (ref §2 example) and merchant test tokens are UUID-shaped. */
export const uuid = (): string => randomUUID();

/** ref §4: PAKMS keys are 32 hex characters; Ecommerce public keys are used the same way (ref §3). */
export const hex32 = (): string => randomBytes(16).toString('hex');

/** ref §2 "Token length is not fixed": v2 tokens get a random length (about 32 to 120 characters). */
export const v2Token = (): string => randomBytes(randomInt(24, 91)).toString('base64url');

/** ref §6: card tokens start with `clv_`; the sandbox example continues with `1TST`. */
export const cardTokenId = (env: CloverEnvironment): string =>
  (env === 'sandbox' ? 'clv_1TST' : 'clv_1') + pick(ALNUM, 21);

export const digits = (length: number): string => pick('0123456789', length);

export const authCode = (): string => pick(ALNUM, 32);

/** S256 PKCE challenge: base64url(sha256(verifier)), no padding (RFC 7636; ref §2 UNCONFIRMED names). */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** Short non-reversible tag for a string we must not keep (an unknown bearer value in rate limits). */
export const fingerprint = (value: string): string => createHash('sha256').update(value).digest('hex').slice(0, 16);
