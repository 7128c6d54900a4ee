// Square's error shape (ref §7, SPEC `Error`): {"errors":[{category, code, detail?, field?}]}, the HTTP
// status matching the first error. Also maps contract violations to the 400 Square would send.
import type { ContractViolation } from './openapi';

export type ErrorCategory =
  | 'API_ERROR'
  | 'AUTHENTICATION_ERROR'
  | 'INVALID_REQUEST_ERROR'
  | 'RATE_LIMIT_ERROR'
  | 'PAYMENT_METHOD_ERROR'
  | 'REFUND_ERROR';

export interface SquareError {
  category: ErrorCategory;
  code: string;
  detail?: string;
  field?: string;
}

export interface ApiResult {
  status: number;
  /** JSON body; absent for HTML pages and redirects. */
  body?: Record<string, unknown>;
  html?: string;
  headers?: Record<string, string>;
}

export function fail(status: number, errors: SquareError[], extra: Record<string, unknown> = {}): ApiResult {
  return { status, body: { errors, ...extra } };
}

export function invalid(code: string, detail: string, field?: string, status = 400): ApiResult {
  return fail(status, [{ category: 'INVALID_REQUEST_ERROR', code, detail, ...(field ? { field } : {}) }]);
}

export function notFound(detail: string, field?: string): ApiResult {
  return invalid('NOT_FOUND', detail, field, 404);
}

/** Detail text observed from Square (ref §3: forum 4527, keyhacks#26). */
export const UNAUTHORIZED_DETAIL = 'This request could not be authorized.';

export function unauthorized(detail = UNAUTHORIZED_DETAIL): ApiResult {
  return fail(401, [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail }]);
}

export function rateLimited(): ApiResult {
  // No Retry-After header: none is documented (ref §7, UNCONFIRMED), so clients must back off on their own.
  return fail(429, [{ category: 'RATE_LIMIT_ERROR', code: 'RATE_LIMITED', detail: 'Rate limit exceeded.' }]);
}

export function internalError(): ApiResult {
  return fail(500, [{ category: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR', detail: 'An internal error occurred.' }]);
}

/** The exact body of ref §5 for a reused idempotency key with different request data. */
export function idempotencyKeyReused(): ApiResult {
  return invalid(
    'IDEMPOTENCY_KEY_REUSED',
    'The idempotency key can only be retried with the same request data.',
    'idempotency_key',
  );
}

const TYPE_CODES: Record<string, string> = {
  string: 'EXPECTED_STRING',
  integer: 'EXPECTED_INTEGER',
  number: 'EXPECTED_FLOAT',
  boolean: 'EXPECTED_BOOLEAN',
  object: 'EXPECTED_OBJECT',
  array: 'EXPECTED_ARRAY',
};

/** Square's generic error codes (SPEC info.x-square-generic-error-codes) for a schema violation. */
export function codeForViolation(v: ContractViolation, typeName?: string): string {
  switch (v.keyword) {
    case 'required':
      return v.where === 'body' && v.field === '' ? 'EXPECTED_JSON_BODY' : 'MISSING_REQUIRED_PARAMETER';
    case 'additionalProperties':
      return v.where === 'query' ? 'UNKNOWN_QUERY_PARAMETER' : 'UNKNOWN_BODY_PARAMETER';
    case 'maxLength':
      return 'VALUE_TOO_LONG';
    case 'minLength':
      return 'VALUE_TOO_SHORT';
    case 'maximum':
      return 'VALUE_TOO_HIGH';
    case 'minimum':
      return 'VALUE_TOO_LOW';
    case 'maxItems':
      return 'ARRAY_LENGTH_TOO_LONG';
    case 'minItems':
      return 'ARRAY_LENGTH_TOO_SHORT';
    case 'enum':
      return 'INVALID_ENUM_VALUE';
    case 'type':
      return (typeName && TYPE_CODES[typeName]) ?? 'INCORRECT_TYPE';
    case 'notJson':
      return 'EXPECTED_JSON_BODY';
    case 'contentType':
      return 'INVALID_CONTENT_TYPE';
    case 'squareVersion':
      return 'INVALID_SQUARE_VERSION_FORMAT';
    default:
      return v.keyword === 'format' ? 'INVALID_VALUE' : 'BAD_REQUEST';
  }
}

/** 400 INVALID_REQUEST_ERROR listing what the request got wrong (the first one decides the status). */
export function violationsToResult(violations: ContractViolation[]): ApiResult {
  const errors = violations.map((v) => {
    const typeName = v.keyword === 'type' ? /must be (\w+)/.exec(v.message)?.[1] : undefined;
    const field = v.field || undefined;
    return {
      category: 'INVALID_REQUEST_ERROR' as const,
      code: codeForViolation(v, typeName),
      detail: v.message,
      ...(field ? { field } : {}),
    };
  });
  return fail(400, errors);
}
