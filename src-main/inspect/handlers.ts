// The inspect domain: is a token valid, for whom, until when (credentials.inspect, one or many,
// with progress and cancel), and refreshing token pairs (credentials.refresh). The vendor calls
// live in providers/clover and providers/square behind the ProviderAdapter interface.
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';
import type { StoredCredential } from '../vault/stored-record';
import type { ValueHasher } from '../vault/value-hash';
import type { LedgerEntry } from '../charges/ledger';
import { createBulkInspector } from './bulk';
import { dueNotices } from './expiry-notices';
import { createClipboardInspector } from './inspect-clipboard';
import { buildGraph } from './graph';
import { createInspectOne, type Adapters } from './inspect-one';
import { createRefresher } from './refresh';

type Channels =
  | 'credentials.inspect'
  | 'credentials.inspectMany'
  | 'credentials.cancelInspection'
  | 'credentials.refresh'
  | 'credentials.inspectClipboard'
  | 'keychain.graph';

/**
 * Orders a bulk job round-robin by provider and app: vendors limit each app (Clover: 10 in flight,
 * 50/s, clover-api.md §9), so tokens of many apps checked side by side finish sooner than one
 * app's tokens after another's, and no app's queue holds the whole pool.
 */
export function interleaveByApp(ids: readonly string[], all: readonly StoredCredential[]): string[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const c = byId.get(id);
    const key = c ? `${c.provider}:${c.environment}:${c.appId ?? ''}` : '';
    const g = groups.get(key);
    if (g) g.push(id);
    else groups.set(key, [id]);
  }
  const queues = [...groups.values()];
  const out: string[] = [];
  for (let i = 0; out.length < ids.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
  return out;
}

export function createInspectDomain(
  d: CoreDeps & {
    hasher: ValueHasher;
    adapters: Adapters;
    bulkConcurrency?: number;
    saveRetryMs?: number;
    /** The charge ledger, for the graph's card tokens and charges. */
    attempts(): readonly LedgerEntry[];
    /** How often expiry warnings are computed (default 15 min; the first run 5 s after start). */
    expiryCheckMs?: number;
  },
) {
  const inspectOne = createInspectOne(d, d.adapters);
  const refresher = createRefresher(d, d.adapters);
  const inspectClipboard = createClipboardInspector(d, d.adapters);
  const bulk = createBulkInspector({
    inspectOne,
    emit: d.emit,
    concurrency: d.bulkConcurrency,
    onError: (id, e) =>
      d.logger.info('credential.inspect_failed', { id, code: (e as { code?: string }).code ?? 'INTERNAL' }),
  });
  const handlers: HandlerPart<Channels> = {
    'credentials.inspect': (r) => inspectOne(r.id),
    'credentials.inspectMany': (r) => bulk.start(interleaveByApp(r.ids, d.index.list())),
    'credentials.cancelInspection': (r) => ({ cancelled: bulk.cancel(r.jobId) }),
    'credentials.refresh': (r) => refresher.refresh(r.id),
    'credentials.inspectClipboard': () => inspectClipboard(),
    'keychain.graph': (r) => buildGraph(d.index.list(), d.attempts(), r, d.clock().getTime()),
  };
  // Warnings raised while the app runs: each once per session (the shell shows OS notifications).
  const raised = new Set<string>();
  const checkExpiry = (): void => {
    const due = dueNotices(d.index.list(), d.clock().getTime(), d.index.settings.expiryWarningDays).filter(
      (n) => !raised.has(n.key),
    );
    for (const n of due) raised.add(n.key);
    const items = due
      .slice(0, 100)
      .map(({ credentialId, title, body }) => ({ credentialId, title: title.slice(0, 200), body }));
    if (items.length > 0) d.emit('expiry.warnings', { items });
  };
  const first = setTimeout(checkExpiry, Math.min(5_000, d.expiryCheckMs ?? 5_000));
  const every = setInterval(checkExpiry, d.expiryCheckMs ?? 15 * 60_000);
  first.unref?.();
  every.unref?.();

  return {
    handlers,
    stop(): void {
      clearTimeout(first);
      clearInterval(every);
      bulk.cancelAll();
      refresher.stop();
    },
    unsavedRefreshes: refresher.unsavedCount,
  };
}
