// The links domain: opening vendor documentation in the user's browser, allow-listed hosts only.
import type { HandlerPart } from '../ipc/handlers';
import { AppError } from '../errors/app-error';
import { normalizeDocsUrl } from './docs-allowlist';

export function linkHandlers(
  openExternal: ((url: string) => Promise<void>) | undefined,
): HandlerPart<'links.openDocs'> {
  return {
    'links.openDocs': async ({ url }) => {
      const safe = normalizeDocsUrl(url);
      if (safe === null || !openExternal) {
        throw new AppError('HOST_NOT_ALLOWED', 'Only vendor documentation links can be opened.', null, ['url']);
      }
      await openExternal(
        safe,
      ); /* eng-disable OPEN_EXTERNAL_JS_CHECK: only the canonical form of an allow-listed docs URL */
      return { opened: true };
    },
  };
}
