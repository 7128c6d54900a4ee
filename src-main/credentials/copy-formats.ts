// What "Copy" puts on the clipboard: the raw value, an env line (the same names the file import
// reads), or a ready curl that checks the credential against the vendor's documented endpoint.
import type { CopyFormat } from '@shared/vocabulary';
import type { StoredCredential } from '../vault/stored-record';
import { AppError } from '../errors/app-error';
import { envKeyFor } from '../vault/env-keys';
import { baseUrlFor } from '../providers/http/hosts';
import { SQUARE_VERSION } from '../providers/square/version';

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function curlFor(c: StoredCredential, value: string): string {
  if (c.environment === null)
    throw new AppError(
      'UNSUPPORTED',
      'Choose the environment first.',
      'Confirm the credential as sandbox or production, then copy as curl.',
    );
  const auth = shellQuote(`Authorization: Bearer ${value}`);
  if (c.provider === 'square' && c.kind === 'access_token') {
    // ListLocations needs MERCHANT_PROFILE_READ and is Square's suggested validity check (square-api.md §4, §6).
    return `curl -sS ${baseUrlFor('square', c.environment, 'connect')}/v2/locations -H ${shellQuote(`Square-Version: ${SQUARE_VERSION}`)} -H ${auth}`;
  }
  if (c.provider === 'clover' && (c.kind === 'access_token' || c.kind === 'merchant_token')) {
    if (!c.merchantId)
      throw new AppError(
        'UNSUPPORTED',
        'A merchant ID is needed for this command.',
        'Add the merchant ID to this credential, then copy as curl.',
      );
    return `curl -sS ${baseUrlFor('clover', c.environment, 'platform')}/v3/merchants/${c.merchantId} -H ${auth}`;
  }
  if (c.provider === 'clover' && c.kind === 'ecommerce_private_key') {
    // PAKMS tells which app and merchant the key belongs to (clover-api.md §5).
    return `curl -sS ${baseUrlFor('clover', c.environment, 'ecommerce')}/pakms/apikey -H 'accept: application/json' -H ${auth}`;
  }
  throw new AppError(
    'UNSUPPORTED',
    `There is no curl command for a ${c.provider} ${c.kind.replace(/_/g, ' ')}.`,
    'Copy the raw value or the env line instead.',
  );
}

export function formatForCopy(c: StoredCredential, value: string, format: CopyFormat): string {
  if (format === 'raw') return value;
  if (format === 'env')
    return `${envKeyFor(c.provider, c.kind) ?? `${c.provider.toUpperCase()}_${c.kind.toUpperCase()}`}=${value}`;
  return curlFor(c, value);
}
