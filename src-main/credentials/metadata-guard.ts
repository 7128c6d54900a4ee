// Metadata is not secret, so it must never hold a secret (DESIGN invariants 1 and 6): a token
// pasted as a label or where a merchant id belongs would be written to credentials.json and shown
// by every listing. Each field is checked against every registered secret, the credential shapes
// and the keyed hashes of stored values before it is stored; a hit is refused, naming the field.
import { AppError } from '../errors/app-error';
import type { RedactionRegistry } from '../log/redaction';
import type { MetadataIndex } from '../vault/metadata-index';
import type { ValueHasher } from '../vault/value-hash';

const FIELD_NAMES: Record<string, string> = {
  label: 'label',
  merchantId: 'merchant ID',
  appId: 'app ID',
  locationId: 'location ID',
};

export async function assertNoSecretInMetadata(
  fields: Record<string, string | null | undefined>,
  deps: { redaction: RedactionRegistry; index: MetadataIndex; hasher: ValueHasher },
  /** How the field is named to the user, e.g. the .env key it came from. */
  nameOf: (field: string) => string = (f) => FIELD_NAMES[f] ?? f,
): Promise<void> {
  const stored = new Set(deps.index.list().flatMap((c) => (c.valueHash ? [c.valueHash] : [])));
  for (const [field, value] of Object.entries(fields)) {
    if (value === null || value === undefined || value === '') continue;
    let secret = deps.redaction.containsSecret(value);
    if (!secret && value.length >= 13 && stored.size > 0) secret = stored.has(await deps.hasher.hash(value));
    if (secret) {
      throw new AppError(
        'INVALID_REQUEST',
        `The ${nameOf(field)} looks like a credential, so it was not saved.`,
        'Labels and IDs are shown in lists and stored unencrypted: never put a token or secret there.',
        [field],
      );
    }
  }
}
