// credentials.refresh: spends a pair's refresh token for a new pair, one refresh per pair at a
// time however many callers ask (single-use refresh tokens: clover-api.md §2, square-api.md §4),
// and keeps the new pair whatever happens next: staged in the keychain before the old values are
// overwritten (vault/rotation.ts), or, when the keychain fails, held in memory, retried, and
// reported as not saved so the user knows.
import type { CredentialView, ResponseOf } from '@shared/contract';
import { createSingleFlight } from '../concurrency/single-flight';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors/app-error';
import type { RefreshedPair, TokenPair } from '../providers/adapter';
import { fingerprint } from '../vault/fingerprint';
import { rotate } from '../vault/rotation';
import type { StoredCredential } from '../vault/stored-record';
import type { ValueHasher } from '../vault/value-hash';
import { adapterFor, type Adapters } from './inspect-one';
import { providerContext } from './provider-context';

type Deps = Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index' | 'locks' | 'emit'> & {
  hasher: ValueHasher;
  /** How long to wait before retrying to save a pair the keychain refused (default 30 s). */
  saveRetryMs?: number;
};

type Result = ResponseOf<'credentials.refresh'>;

/** The access token and its linked refresh token (the refresh token's parentId is the access token). */
export function pairOf(id: string, all: readonly StoredCredential[]): TokenPair {
  const c = all.find((x) => x.id === id);
  if (!c) throw notFound('credential');
  if (c.kind === 'refresh_token') {
    const access = c.parentId ? all.find((x) => x.id === c.parentId) : undefined;
    if (!access)
      throw new AppError(
        'UNSUPPORTED',
        'This refresh token is not linked to an access token.',
        'Import the pair together (paste the JSON the token endpoint returned), then refresh.',
      );
    return { access, refresh: c };
  }
  if (c.kind !== 'access_token') throw new AppError('UNSUPPORTED', 'Only token pairs can be refreshed.');
  return { access: c, refresh: all.find((x) => x.kind === 'refresh_token' && x.parentId === c.id) ?? null };
}

export function createRefresher(d: Deps, adapters: Adapters) {
  const flights = createSingleFlight<Result>();
  /** New pairs the keychain refused, by access-token id: never dropped until saved. */
  const unsaved = new Map<string, RefreshedPair>();
  const timers = new Map<string, NodeJS.Timeout>();

  const updates = (pair: TokenPair, fresh: RefreshedPair): { id: string; value: string }[] => [
    { id: pair.access.id, value: fresh.access.value },
    ...(pair.refresh && fresh.refresh ? [{ id: pair.refresh.id, value: fresh.refresh.value }] : []),
  ];

  /** Writes the new values, then the metadata that describes them (fingerprint, hash, expiry). */
  async function save(pair: TokenPair, fresh: RefreshedPair): Promise<CredentialView[]> {
    await rotate(d.store, updates(pair, fresh));
    const t = d.clock().toISOString();
    const described = await Promise.all(
      updates(pair, fresh).map(async (u) => ({ ...u, hash: await d.hasher.hash(u.value) })),
    );
    await d.index.mutate((draft) => {
      for (const u of described) {
        const i = draft.credentials.findIndex((c) => c.id === u.id);
        if (i === -1) continue; // deleted meanwhile: the keychain item is reported as an orphan
        const expiresAt = u.id === pair.access.id ? fresh.access.expiresAt : (fresh.refresh?.expiresAt ?? null);
        draft.credentials[i] = {
          ...draft.credentials[i]!,
          fingerprint: fingerprint(u.value),
          valueHash: u.hash,
          expiresAt,
          updatedAt: t,
        };
      }
    });
    unsaved.delete(pair.access.id);
    const now = d.clock().getTime();
    return [pair.access.id, pair.refresh?.id].flatMap((id) => {
      const r = id ? d.index.get(id) : undefined;
      return r ? [d.index.viewOf(r, now)] : [];
    });
  }

  function scheduleRetry(pair: TokenPair): void {
    if (timers.has(pair.access.id)) return;
    const timer = setTimeout(() => {
      timers.delete(pair.access.id);
      const fresh = unsaved.get(pair.access.id);
      if (!fresh) return;
      void save(pair, fresh).then(
        () => d.logger.info('credential.refresh_saved_late', { id: pair.access.id }),
        () => scheduleRetry(pair),
      );
    }, d.saveRetryMs ?? 30_000);
    timer.unref?.();
    timers.set(pair.access.id, timer);
  }

  async function refreshPair(pair: TokenPair): Promise<Result> {
    const adapter = adapterFor(adapters, pair.access);
    if (!adapter.refresh) throw new AppError('UNSUPPORTED', `${pair.access.provider} tokens cannot be refreshed here.`);
    if (!pair.refresh)
      throw new AppError(
        'UNSUPPORTED',
        'This access token has no linked refresh token.',
        'Import the refresh token with it (paste the JSON the token endpoint returned).',
      );
    // A pair the keychain refused last time is saved first: its refresh token is the only valid one.
    const held = unsaved.get(pair.access.id);
    const fresh = held ?? (await adapter.refresh(pair, providerContext(d)));
    for (const u of updates(pair, fresh)) d.redaction.register(u.value);
    try {
      const credentials = await save(pair, fresh);
      d.logger.info('credential.refreshed', {
        id: pair.access.id,
        refreshId: pair.refresh.id,
        fromMemory: held !== undefined,
      });
      d.emit('credentials.changed', { ids: credentials.map((c) => c.id) });
      return { credentials, saved: true };
    } catch (e) {
      unsaved.set(pair.access.id, fresh);
      scheduleRetry(pair);
      d.logger.error('credential.refresh_unsaved', {
        id: pair.access.id,
        code: e instanceof AppError ? e.code : 'INTERNAL',
      });
      const now = d.clock().getTime();
      return { credentials: [d.index.viewOf(pair.access, now), d.index.viewOf(pair.refresh, now)], saved: false };
    }
  }

  return {
    refresh(id: string): Promise<Result> {
      const pair = pairOf(id, d.index.list());
      const work = (): Promise<Result> => refreshPair(pairOf(pair.access.id, d.index.list()));
      // Locks are not re-entrant: a lone access token takes its own lock once, not twice.
      return flights.run(pair.access.id, () =>
        d.locks.run(pair.access.id, () => (pair.refresh ? d.locks.run(pair.refresh.id, work) : work())),
      );
    },
    /** Pairs refreshed but not yet in the keychain (close() warns about them). */
    unsavedCount: () => unsaved.size,
    stop(): void {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
