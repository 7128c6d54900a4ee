// The inspect domain: is a token valid, for whom, until when (credentials.inspect, one or many,
// with progress and cancel), and refreshing token pairs (credentials.refresh). The vendor calls
// live in providers/clover and providers/square behind the ProviderAdapter interface.
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';
import type { ValueHasher } from '../vault/value-hash';
import { createBulkInspector } from './bulk';
import { createInspectOne, type Adapters } from './inspect-one';
import { createRefresher } from './refresh';

type Channels = 'credentials.inspect' | 'credentials.inspectMany' | 'credentials.cancelInspection' | 'credentials.refresh';

export function createInspectDomain(d: CoreDeps & { hasher: ValueHasher; adapters: Adapters; bulkConcurrency?: number; saveRetryMs?: number }) {
  const inspectOne = createInspectOne(d, d.adapters);
  const refresher = createRefresher(d, d.adapters);
  const bulk = createBulkInspector({
    inspectOne,
    emit: d.emit,
    concurrency: d.bulkConcurrency,
    onError: (id, e) => d.logger.info('credential.inspect_failed', { id, code: (e as { code?: string }).code ?? 'INTERNAL' }),
  });
  const handlers: HandlerPart<Channels> = {
    'credentials.inspect': (r) => inspectOne(r.id),
    'credentials.inspectMany': (r) => bulk.start(r.ids),
    'credentials.cancelInspection': (r) => ({ cancelled: bulk.cancel(r.jobId) }),
    'credentials.refresh': (r) => refresher.refresh(r.id),
  };
  return {
    handlers,
    stop(): void {
      bulk.cancelAll();
      refresher.stop();
    },
    unsavedRefreshes: refresher.unsavedCount,
  };
}
