// The one error type every layer throws at a user: a code from the contract, a message written
// for people, a hint, the request fields at fault. Owned by neither ipc/ (which only serialises
// it) nor providers/ (which translate their HTTP failures into it), so dependencies point one way.
import type { ErrorCode } from '@shared/contract';

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
