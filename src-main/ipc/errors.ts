// Typed errors that cross the IPC boundary. Messages are written for users and never include a
// secret: callers pass fixed text, and toIpcError scrubs anything else through the redaction registry.
import type { ErrorCode, IpcError } from './contract';
import type { RedactionRegistry } from '../log/redaction';

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

export function toIpcError(err: unknown, redaction: RedactionRegistry): IpcError {
  if (err instanceof AppError) {
    return {
      code: err.code,
      message: redaction.scrub(err.message).slice(0, 500),
      hint: err.hint === null ? null : redaction.scrub(err.hint).slice(0, 500),
      fields: err.fields.slice(0, 50).map((f) => f.slice(0, 100)),
    };
  }
  // Unexpected failures: never forward the raw message (it could echo input); the log has it.
  return { code: 'INTERNAL', message: 'Something went wrong in Merchant Keychain.', hint: 'See audit.log in the data folder.', fields: [] };
}
