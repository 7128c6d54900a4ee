// zod schemas for every Square body this module reads or sends (square-api.md §3-7), written by
// hand from the vendored OpenAPI subset (test/emulators/square/vendor/). Responses are non-strict
// (Square adds fields over time) but every field we read is checked; request bodies are strict, so
// we can never send a field Square does not define. test/unit/square-schemas.test.ts proves that
// each field here exists in Square's schema with a compatible type and limits.
import { z } from 'zod';

// ---- shared pieces -----------------------------------------------------------------------------
/** SPEC ErrorCategory (complete). */
export const ERROR_CATEGORIES = [
  'API_ERROR',
  'AUTHENTICATION_ERROR',
  'INVALID_REQUEST_ERROR',
  'RATE_LIMIT_ERROR',
  'PAYMENT_METHOD_ERROR',
  'REFUND_ERROR',
  'MERCHANT_SUBSCRIPTION_ERROR',
  'EXTERNAL_VENDOR_ERROR',
] as const;

/** SPEC `Error`. `code` is one of 153 ErrorCode values: kept as text, matched where it matters. */
export const SquareError = z.object({
  category: z.enum(ERROR_CATEGORIES),
  code: z.string().min(1).max(100),
  detail: z.string().max(2000).optional(),
  field: z.string().max(200).optional(),
});
export type SquareError = z.infer<typeof SquareError>;

const Errors = z.array(SquareError);
/** Square's ids are short alphanumerics; this bound also fits the IPC contract's VendorId. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,191}$/);
/** ObtainTokenResponse's times: RFC 3339, 20-48 characters. */
const TokenTime = z.iso.datetime({ offset: true }).min(20).max(48);
export const Money = z.object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });

/**
 * Currencies we send: those of the countries where Square takes card payments (US, CA, GB, AU,
 * JP, IE/FR/ES), all in Square's Currency enum. A payment must be in its location's currency, so
 * anything else could only be refused; it is refused here, before a request is made.
 */
export const SQUARE_PAYMENT_CURRENCIES = ['USD', 'CAD', 'GBP', 'AUD', 'JPY', 'EUR'] as const;
const RequestMoney = z.strictObject({ amount: z.number().int().min(1), currency: z.enum(SQUARE_PAYMENT_CURRENCIES) });

// ---- OAuth ---------------------------------------------------------------------------------------
/** POST /oauth2/token/status (RetrieveTokenStatusResponse). `expires_at` is absent, or empty, for
 *  tokens that never expire (ref §3). */
export const TokenStatusResponse = z.object({
  scopes: z.array(z.string().max(64)).max(300).optional(),
  expires_at: z.union([z.iso.datetime({ offset: true }), z.literal('')]).optional(),
  client_id: z.string().max(191).optional(),
  merchant_id: z
    .string()
    .min(8)
    .max(191)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  errors: Errors.optional(),
});

/** POST /oauth2/token (ObtainTokenResponse). A success carries the access token, its expiry and
 *  (both flows) the refresh token; PKCE adds refresh_token_expires_at. */
export const ObtainTokenResponse = z.object({
  access_token: z.string().min(2).max(1024),
  token_type: z.string().min(2).max(10),
  expires_at: TokenTime,
  merchant_id: z
    .string()
    .min(8)
    .max(191)
    .regex(/^[A-Za-z0-9_-]+$/),
  refresh_token: z.string().min(2).max(1024).optional(),
  short_lived: z.boolean().optional(),
  refresh_token_expires_at: TokenTime.optional(),
  errors: Errors.optional(),
});

/** ObtainTokenRequest, the two grants we send (never migration_token). */
export const ObtainTokenRequest = z.strictObject({
  client_id: z.string().min(1).max(191),
  grant_type: z.enum(['authorization_code', 'refresh_token']),
  client_secret: z.string().min(2).max(1024).optional(),
  code: z.string().min(1).max(191).optional(),
  redirect_uri: z.string().max(2048).optional(),
  refresh_token: z.string().min(2).max(1024).optional(),
  code_verifier: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{43,128}$/)
    .optional(),
});
export type ObtainTokenRequest = z.infer<typeof ObtainTokenRequest>;

/** RevokeTokenRequest: by access token (we never revoke by merchant_id). */
export const RevokeTokenRequest = z.strictObject({
  client_id: z.string().min(1).max(191),
  access_token: z.string().min(2).max(1024),
  revoke_only_access_token: z.boolean(),
});
export const RevokeTokenResponse = z.object({ success: z.boolean().optional(), errors: Errors.optional() });

// ---- merchants and locations -------------------------------------------------------------------
export const Merchant = z.object({
  id: Id,
  business_name: z.string().max(255).nullish(),
  status: z.enum(['ACTIVE', 'INACTIVE']).nullish(),
  main_location_id: Id.nullish(),
});
export const RetrieveMerchantResponse = z.object({ merchant: Merchant, errors: Errors.optional() });

export const Location = z.object({
  id: Id.max(32),
  name: z.string().max(255).nullish(),
  status: z.enum(['ACTIVE', 'INACTIVE']).nullish(),
  /** SPEC LocationCapability; unknown future values are kept as text. */
  capabilities: z.array(z.string().max(64)).max(20).optional(),
  merchant_id: Id.max(32).optional(),
  business_name: z.string().max(255).nullish(),
});
/** An account without locations may leave the list out (Square omits empty lists in several answers). */
export const ListLocationsResponse = z.object({
  locations: z.array(Location).max(1000).optional(),
  errors: Errors.optional(),
});

// ---- payments and refunds ----------------------------------------------------------------------
export const Payment = z.object({
  id: z
    .string()
    .min(1)
    .max(192)
    .regex(/^[A-Za-z0-9_-]+$/),
  status: z.string().min(1).max(50),
  amount_money: Money.nullish(),
  total_money: Money.optional(),
  created_at: z.string().min(1).max(32).optional(),
  location_id: z.string().max(50).optional(),
  card_details: z
    .object({
      status: z.string().max(50).nullish(),
      errors: Errors.nullish(),
    })
    .optional(),
});
export type Payment = z.infer<typeof Payment>;
/** 200: {payment}. A decline: non-2xx with errors AND a FAILED payment (ref §5). */
export const CreatePaymentResponse = z.object({ payment: Payment.optional(), errors: Errors.optional() });

export const CreatePaymentRequest = z.strictObject({
  source_id: z.string().min(1),
  idempotency_key: z.string().min(1).max(45),
  amount_money: RequestMoney,
  location_id: z.string().min(1).max(50).optional(),
  autocomplete: z.boolean(),
});
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequest>;

export const RefundPaymentRequest = z.strictObject({
  idempotency_key: z.string().min(1).max(45),
  amount_money: RequestMoney,
  payment_id: z.string().min(1).max(192),
});
export const PaymentRefund = z.object({
  id: z.string().min(1).max(100),
  status: z.string().max(40).nullish(),
  amount_money: Money,
});
export const RefundPaymentResponse = z.object({ refund: PaymentRefund.optional(), errors: Errors.optional() });

/** Any error answer: the envelope every non-2xx must carry (ref §7), plus a decline's payment. */
export const ErrorBody = z.object({ errors: z.array(SquareError).min(1), payment: Payment.optional() });
export type ErrorBody = z.infer<typeof ErrorBody>;
