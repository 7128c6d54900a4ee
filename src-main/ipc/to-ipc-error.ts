// Turns anything a handler threw into the contract's IpcError. AppErrors carry text written for
// users (scrubbed once more here); anything else is a bug and is never forwarded as it is.
import type { IpcError } from '@shared/contract';
import { AppError } from '../errors/app-error';
import type { RedactionRegistry } from '../log/redaction';

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
  return {
    code: 'INTERNAL',
    message: 'Something went wrong in Merchant Keychain.',
    hint: 'See audit.log in the data folder.',
    fields: [],
  };
}
