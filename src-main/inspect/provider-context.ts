// The ProviderContext the domains hand to a vendor module: HTTP, clock, logging, and read access
// to secrets (registered for redaction as they are read) and to metadata.
import type { CoreDeps } from '../deps';
import { AppError } from '../errors/app-error';
import type { ProviderContext } from '../providers/adapter';

export function providerContext(
  d: Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index'>,
  signal?: AbortSignal,
): ProviderContext {
  return {
    http: d.http,
    clock: d.clock,
    logger: d.logger,
    redaction: d.redaction,
    signal,
    credentials: () => d.index.list(),
    async secretOf(id) {
      const value = await d.store.get(id);
      if (value === null) {
        throw new AppError(
          'KEYCHAIN_ITEM_MISSING',
          'This credential is missing from the keychain.',
          'Use "Check keychain" on the Credentials screen.',
        );
      }
      d.redaction.register(value);
      return value;
    },
  };
}
