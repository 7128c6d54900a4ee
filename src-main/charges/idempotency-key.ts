// The idempotency key of a test charge. The renderer makes it (crypto.randomUUID(); a key is not
// a secret) and main checks it against the vendor's rules: a v4 UUID meets Clover's ("must be a
// version 4 UUID", clover-api.md §7) and Square's (1-45 characters, square-api.md §5).
import { randomUUID } from 'node:crypto';
import { IdempotencyKey } from '@shared/contract';
import type { Provider } from '@shared/vocabulary';
import { AppError } from '../errors/app-error';

const RULES: Record<Provider, string> = {
  clover: 'Clover requires a version 4 UUID for the idempotency-key header.',
  square: 'Square accepts 1 to 45 characters; Merchant Keychain sends version 4 UUIDs for both vendors.',
};

export function checkedKey(provider: Provider, key: string | undefined): string {
  if (key === undefined) return randomUUID();
  if (!IdempotencyKey.safeParse(key).success) {
    throw new AppError(
      'INVALID_REQUEST',
      "That idempotency key does not follow the vendor's rules.",
      `${RULES[provider]} Use "New key" to make one.`,
      ['idempotencyKey'],
    );
  }
  return key.toLowerCase();
}
