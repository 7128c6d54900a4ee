// A keyed hash of a stored value (HMAC-SHA-256), so a value already in the vault is recognised
// without the vault keeping the value anywhere but the keychain. The key is random per install and
// lives in the keychain itself, under a reserved account that is never a credential id.
import { createHmac, randomBytes } from 'node:crypto';
import type { RedactionRegistry } from '../log/redaction';
import type { SecretStore } from './secret-store';

/** Credential accounts are UUIDs; this can never be one, and consistency checks skip it. */
export const HASH_KEY_ACCOUNT = 'merchant-keychain:value-hash-key';

export interface ValueHasher {
  hash(value: string): Promise<string>;
}

export function createValueHasher(store: SecretStore, redaction: RedactionRegistry): ValueHasher {
  let key: Promise<string> | null = null;
  const loadKey = async (): Promise<string> => {
    const existing = await store.get(HASH_KEY_ACCOUNT);
    if (existing !== null && /^[0-9a-f]{64}$/.test(existing)) return existing;
    const fresh = randomBytes(32).toString('hex');
    await store.set(HASH_KEY_ACCOUNT, fresh);
    return fresh;
  };
  return {
    async hash(value) {
      key ??= loadKey().catch((e: unknown) => {
        key = null; // a locked keychain now may be unlocked on the next try
        throw e;
      });
      const k = await key;
      redaction.register(k);
      return createHmac('sha256', Buffer.from(k, 'hex')).update(value, 'utf8').digest('hex');
    },
  };
}
