// The typed errors every channel may answer with. Messages are written for users; `fields` names
// request paths, never values.
import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  /** A credential is listed but its keychain item is gone (removed outside the app). */
  'KEYCHAIN_ITEM_MISSING',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_TIMEOUT',
  'CLIPBOARD_EMPTY',
  'UNRECOGNIZED_SECRET',
  'FILE_INVALID',
  'METADATA_READ_ONLY',
  'PRODUCTION_REFUSED',
  'UNSUPPORTED',
  'HOST_NOT_ALLOWED',
  'VENDOR_TIMEOUT',
  'VENDOR_UNREACHABLE',
  'VENDOR_RATE_LIMITED',
  'VENDOR_ERROR',
  'RESPONSE_INVALID',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const IpcError = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string().max(500),
  /** What the user can do about it, e.g. how to unlock the keychain on this platform. */
  hint: z.string().max(500).nullable(),
  /** Which request fields were wrong (paths only, never values). */
  fields: z.array(z.string().max(100)).max(50),
});
export type IpcError = z.infer<typeof IpcError>;
