// The Clover-only channels: clover.fetchPakmsKey, clover.connect / cancelConnect (OAuth v2 +
// PKCE in the system browser) and clover.migrateToken. They share the adapter's endpoints, so a
// 429 pauses these calls too (clover-api.md §9).
import { createAdder } from '../../credentials/add-credentials';
import type { CoreDeps } from '../../deps';
import type { HandlerPart } from '../../ipc/handlers';
import type { ValueHasher } from '../../vault/value-hash';
import type { ProviderAdapter } from '../adapter';
import { createCloverAdapter, type CloverAdapter } from './adapter';
import { createConnector, type ConnectOptions } from './connect';
import { createMigrator } from './migrate';
import { createPakmsFetcher } from './pakms';

type Channels = 'clover.fetchPakmsKey' | 'clover.connect' | 'clover.cancelConnect' | 'clover.migrateToken';

export function createCloverDomain(
  d: CoreDeps & { hasher: ValueHasher; adapter: ProviderAdapter | undefined },
  o: ConnectOptions,
) {
  const adapter = d.adapter && 'api' in d.adapter ? (d.adapter as CloverAdapter) : createCloverAdapter();
  const deps = { ...d, adder: createAdder(d), api: adapter.api };
  const connector = createConnector(deps, o);
  const fetchPakmsKey = createPakmsFetcher(deps);
  const migrateToken = createMigrator(deps);
  const handlers: HandlerPart<Channels> = {
    'clover.fetchPakmsKey': (r) => fetchPakmsKey(r.id),
    'clover.connect': (r) => connector.connect(r),
    'clover.cancelConnect': () => connector.cancel(),
    'clover.migrateToken': (r) => migrateToken(r.id),
  };
  return { handlers, stop: connector.stop };
}
