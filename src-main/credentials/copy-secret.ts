// credentials.copySecret: main reads the value from the keychain and writes the clipboard itself
// (the renderer never sees it); the guard clears it after the countdown if it is unchanged.
import type { ParsedRequestOf, ResponseOf } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors/app-error';
import { formatForCopy } from './copy-formats';

type Deps = Pick<CoreDeps, 'index' | 'store' | 'redaction' | 'logger' | 'guard' | 'locks'>;

export function createCopier(d: Deps) {
  return (req: ParsedRequestOf<'credentials.copySecret'>): Promise<ResponseOf<'credentials.copySecret'>> =>
    d.locks.run(req.id, async () => {
      const c = d.index.get(req.id);
      if (!c) throw notFound('credential');
      const value = await d.store.get(c.id);
      if (value === null) {
        throw new AppError(
          'KEYCHAIN_ITEM_MISSING',
          'This credential is missing from the keychain.',
          'Use "Check keychain" on the Credentials screen: it lists credentials whose keychain item is gone.',
        );
      }
      d.redaction.register(value);
      const text = formatForCopy(c, value, req.format);
      const seconds = d.index.settings.clipboardClearSeconds;
      await d.guard.copy(text, seconds); // refuses once the core is closing, so nothing lands after the clear
      d.logger.info('credential.copied', { id: c.id, format: req.format, clearsInSeconds: seconds });
      return { format: req.format, clearsInSeconds: seconds };
    });
}
