// The status domain: what the app knows about itself (version, platform), the keychain as the
// last call found it, and how the metadata index loaded.
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';
import type { KeychainState } from '../vault/secret-store';

export function statusHandlers(
  d: Pick<CoreDeps, 'index' | 'store'> & { version: string; keychainState(): KeychainState },
): HandlerPart<'app.info'> {
  return {
    'app.info': () => {
      const state = d.keychainState();
      return {
        version: d.version.slice(0, 32),
        platform: process.platform,
        keychain: { service: d.store.service, reachable: state === 'ok', state },
        vault: d.index.health,
      };
    },
  };
}
