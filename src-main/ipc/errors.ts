// Typed errors that cross the IPC boundary. Messages are written for users and never include a
// secret: callers pass fixed text, and toIpcError scrubs anything else through the redaction registry.
import type { ErrorCode, IpcError } from './contract';
import type { RedactionRegistry } from '../log/redaction';
import { ProviderHttpError, type HttpErrorKind } from '../providers/http-errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string | null = null,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError =>
  new AppError('NOT_FOUND', `No ${what} with that id.`, 'Refresh the list; it may have been deleted.');

/** How an outbound-call failure reads to the user; the vendor's body is never forwarded. */
const HTTP_ERRORS: Record<HttpErrorKind, [ErrorCode, string, string | null]> = {
  host_not_allowed: ['HOST_NOT_ALLOWED', 'That address is not a documented vendor host.', null],
  timeout: ['VENDOR_TIMEOUT', 'The vendor did not answer in time.', 'Check your connection and try again.'],
  network: ['VENDOR_UNREACHABLE', 'The vendor could not be reached.', 'Check your connection, VPN or firewall.'],
  redirect: ['VENDOR_ERROR', 'The vendor answered with a redirect, which is not followed.', null],
  rate_limited: ['VENDOR_RATE_LIMITED', 'The vendor is rate-limiting these requests.', 'Wait a little and try again.'],
  status: ['VENDOR_ERROR', 'The vendor refused the request.', null],
};

export function toIpcError(err: unknown, redaction: RedactionRegistry): IpcError {
  if (err instanceof AppError) {
    return {
      code: err.code,
      message: redaction.scrub(err.message).slice(0, 500),
      hint: err.hint === null ? null : redaction.scrub(err.hint).slice(0, 500),
      fields: err.fields.slice(0, 50).map((f) => f.slice(0, 100)),
    };
  }
  if (err instanceof ProviderHttpError) {
    const [code, message, hint] = HTTP_ERRORS[err.kind];
    const status = err.status ? ` (HTTP ${err.status})` : '';
    return { code, message: `${message}${status}`, hint, fields: [] };
  }
  // Unexpected failures: never forward the raw message (it could echo input); the log has it.
  return { code: 'INTERNAL', message: 'Something went wrong in Merchant Keychain.', hint: 'See audit.log in the data folder.', fields: [] };
}
