// A pasted (or imported) token-endpoint answer: Clover's /oauth/v2/token and /oauth/v2/refresh
// JSON (access_token, access_token_expiration, refresh_token, refresh_token_expiration; Unix
// seconds, clover-api.md §2) or Square's ObtainTokenResponse (access_token, expires_at,
// merchant_id, refresh_token, refresh_token_expires_at, square-api.md §4). It becomes two linked
// credentials with their expiry, never one blob. Nothing here echoes a value in an error.
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { foreignFormatOf } from '../log/credential-patterns';
import { MAX_SECRET_LENGTH } from './classifier';

export interface TokenPaste {
  provider: 'clover' | 'square';
  access: { value: string; expiresAt: string | null };
  refresh: { value: string; expiresAt: string | null } | null;
  merchantId: string | null;
}

const HINT = 'Copy the whole answer of the token endpoint, from { to }.';
const refuse = (why: string): AppError =>
  new AppError('UNRECOGNIZED_SECRET', `That JSON is not a token response Merchant Keychain can read: ${why}.`, HINT);

const Token = z
  .string()
  .min(8)
  .max(MAX_SECRET_LENGTH)
  .regex(/^\S+$/)
  .refine((v) => foreignFormatOf(v) === null);
/** Unix seconds between 2000 and 2200: milliseconds or garbage are refused rather than misread. */
const Seconds = z.number().int().min(946_684_800).max(7_258_118_400);
const Iso = z.iso.datetime({ offset: true });

const Clover = z.object({
  access_token: Token,
  access_token_expiration: Seconds,
  refresh_token: Token.optional(),
  refresh_token_expiration: Seconds.optional(),
});

const Square = z.object({
  access_token: Token,
  token_type: z.string().max(10).optional(),
  expires_at: Iso.optional(),
  merchant_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,191}$/)
    .optional(),
  refresh_token: Token.optional(),
  refresh_token_expires_at: Iso.optional(),
  short_lived: z.boolean().optional(),
});

const SQUARE_ONLY = ['token_type', 'expires_at', 'merchant_id', 'refresh_token_expires_at', 'short_lived'];
const iso = (s: string): string => new Date(s).toISOString();
const fromSeconds = (n: number): string => new Date(n * 1000).toISOString();

/** Which field failed, by name only (values never appear in the message). */
function fieldOf(error: z.ZodError): string {
  const path = error.issues[0]?.path.join('.') ?? '';
  return path ? `"${path}" is missing or not what the vendor sends` : 'it is not an object';
}

/**
 * The token response in `text`, or null when the text is not a JSON object (an ordinary paste).
 * JSON that names an access_token but does not read as either vendor's answer is refused.
 */
export function parseTokenResponse(text: string): TokenPaste | null {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t.startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(t);
  } catch {
    throw refuse('it could not be read as JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse('it is not an object');
  const obj = raw as Record<string, unknown>;
  if (!('access_token' in obj)) throw refuse('it has no access_token');
  const looksClover = 'access_token_expiration' in obj;
  const looksSquare =
    SQUARE_ONLY.some((k) => k in obj) || (typeof obj.access_token === 'string' && obj.access_token.startsWith('EAAA'));
  if (looksClover && !looksSquare) {
    const r = Clover.safeParse(obj);
    if (!r.success) throw refuse(fieldOf(r.error));
    const d = r.data;
    return {
      provider: 'clover',
      access: { value: d.access_token, expiresAt: fromSeconds(d.access_token_expiration) },
      refresh: d.refresh_token
        ? {
            value: d.refresh_token,
            expiresAt: d.refresh_token_expiration ? fromSeconds(d.refresh_token_expiration) : null,
          }
        : null,
      merchantId: null,
    };
  }
  if (looksSquare && !looksClover) {
    const r = Square.safeParse(obj);
    if (!r.success) throw refuse(fieldOf(r.error));
    const d = r.data;
    return {
      provider: 'square',
      access: { value: d.access_token, expiresAt: d.expires_at ? iso(d.expires_at) : null },
      refresh: d.refresh_token
        ? { value: d.refresh_token, expiresAt: d.refresh_token_expires_at ? iso(d.refresh_token_expires_at) : null }
        : null,
      merchantId: d.merchant_id ?? null,
    };
  }
  throw refuse(
    looksClover
      ? 'it mixes Clover and Square fields'
      : "it has neither Clover's access_token_expiration nor Square's expires_at",
  );
}
