// zod schemas for every Clover response this module reads (clover-api.md §2, §5-8). Only the
// fields we use are checked and kept; Clover adds fields freely, so unknown ones are dropped, not
// refused. A body that fails these checks becomes a typed error and is never forwarded.
import { z } from 'zod';

/** Tokens have no fixed format or length (§2); they are at least opaque printable text. */
const Token = z.string().min(8).max(4096).regex(/^\S+$/);
/** Unix seconds (§2). Bounded so a value in milliseconds (or garbage) is refused, not misread. */
export const UnixSeconds = z.number().int().min(946_684_800).max(7_258_118_400);
/** Clover ids: 13 alphanumerics in every example (§4); accepted a little wider, never free text. */
const CloverId = z.string().regex(/^[A-Za-z0-9]{1,64}$/);
/** Ecommerce codes and types are snake_case words (§7); anything else is not echoed. */
const Code = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

/** POST /oauth/v2/token and /oauth/v2/refresh (§2); `no_refresh_token=true` omits the refresh pair. */
export const TokenResponse = z.object({
  access_token: Token,
  access_token_expiration: UnixSeconds,
  refresh_token: Token.optional(),
  refresh_token_expiration: UnixSeconds.optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** A refresh always returns a new single-use refresh token (§2). */
export const RefreshResponse = TokenResponse.required({ refresh_token: true, refresh_token_expiration: true });

/** POST /oauth/token/migrate_v2 (§2). */
export const MigrateResponse = z.object({
  authorization_code: z.string().min(1).max(2048).regex(/^\S+$/),
  expiration: UnixSeconds.optional(),
});

/** GET /v3/merchants/{mId} (§8). */
export const Merchant = z.object({
  id: CloverId,
  name: z.string().max(200).optional(),
});

/** GET /pakms/apikey (§5). `apiAccessKey` is a secret: registered for redaction where it is read. */
export const PakmsResponse = z.object({
  active: z.boolean(),
  apiAccessKey: z.string().min(8).max(256).regex(/^\S+$/),
  developerAppUuid: CloverId,
  merchantUuid: CloverId,
  createdTime: z.number().optional(),
  modifiedTime: z.number().optional(),
});
export type PakmsResponse = z.infer<typeof PakmsResponse>;

/** POST /v1/tokens (§6). */
export const CardToken = z.object({
  id: z.string().regex(/^clv_[A-Za-z0-9_-]{4,200}$/),
  object: z.literal('token').optional(),
});

/** POST /v1/charges (§7). Declines come back as errors (card_error), but a 2xx that says it was
 *  not paid is read as a decline too. */
export const Charge = z.object({
  id: CloverId,
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  status: z.string().max(40).optional(),
  paid: z.boolean().optional(),
  captured: z.boolean().optional(),
});
export type Charge = z.infer<typeof Charge>;

/** POST /v1/refunds (§7). */
export const Refund = z.object({
  id: CloverId,
  amount: z.number().int().nonnegative(),
  charge: CloverId.optional(),
  status: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
});

/** Ecommerce error fields (§7), listed flat in the docs; nesting under `error` is UNCONFIRMED, so
 *  both are read. Only codes are kept: the vendor's message text is never shown as it is. */
const EcomErrorFields = z.object({
  // One odd field (a free-text code, say) drops that field, not the whole error.
  type: Code.optional().catch(undefined),
  code: Code.optional().catch(undefined),
  decline_code: Code.optional().catch(undefined),
  param: z
    .string()
    .regex(/^[A-Za-z0-9_[\]-]{1,64}$/)
    .optional()
    .catch(undefined),
  charge: CloverId.optional().catch(undefined),
});
export type EcomError = z.infer<typeof EcomErrorFields>;

export function ecomErrorOf(body: unknown): EcomError | null {
  const nested = z.object({ error: EcomErrorFields }).safeParse(body);
  if (nested.success) return nested.data.error;
  const flat = EcomErrorFields.safeParse(body);
  return flat.success && (flat.data.type !== undefined || flat.data.code !== undefined) ? flat.data : null;
}
