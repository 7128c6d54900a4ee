// The credentials domain: import, confirm, update, delete, copy, the keychain consistency report
// and orphan repair. Owns the credentials.* channels; the vault below it owns storage.
import type { ConsistencyReport } from '@shared/contract';
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';
import { checkConsistency } from '../vault/consistency';
import type { ValueHasher } from '../vault/value-hash';
import { createCopier } from './copy-secret';
import { createEditors } from './edit';
import { createImporters } from './import';
import { createOrphanHandlers } from './orphans';

type Channels =
  | 'credentials.list'
  | 'credentials.importFromClipboard'
  | 'credentials.importFromFile'
  | 'credentials.confirm'
  | 'credentials.update'
  | 'credentials.delete'
  | 'credentials.copySecret'
  | 'credentials.checkConsistency'
  | 'credentials.adoptOrphan'
  | 'credentials.deleteOrphan';

export interface CredentialsDomain {
  handlers: HandlerPart<Channels>;
  /** The last consistency report (the startup one until the user asks again). */
  lastConsistency(): ConsistencyReport;
}

export async function createCredentialsDomain(d: CoreDeps & { hasher: ValueHasher }): Promise<CredentialsDomain> {
  const emitChanged = (ids: string[]): void => d.emit('credentials.changed', { ids: ids.slice(0, 1000) });
  const deps = { ...d, emitChanged };
  const importers = createImporters(deps);
  const editors = createEditors(deps);
  const orphans = createOrphanHandlers(deps);
  const copy = createCopier(d);

  // Reported, never repaired automatically: the user adopts or deletes orphans.
  let consistency = await checkConsistency(d.index, d.store, d.clock);
  const { missingFromKeychain: missing, orphansInKeychain: orphaned, keychainReachable } = consistency;
  if (missing.length || orphaned.length || !keychainReachable) {
    d.logger.warn('vault.inconsistent', {
      missingFromKeychain: missing.length,
      orphansInKeychain: orphaned.length,
      keychainReachable,
    });
  }

  return {
    lastConsistency: () => consistency,
    handlers: {
      'credentials.list': () => ({ items: d.index.listViews(d.clock().getTime()) }),
      'credentials.importFromClipboard': () => importers.importFromClipboard(),
      'credentials.importFromFile': () => importers.importFromFile(),
      'credentials.confirm': (r) => editors.confirm(r),
      'credentials.update': (r) => editors.update(r),
      'credentials.delete': (r) => editors.remove(r.id),
      'credentials.copySecret': (r) => copy(r),
      'credentials.checkConsistency': async () => (consistency = await checkConsistency(d.index, d.store, d.clock)),
      'credentials.adoptOrphan': (r) => orphans.adopt(r.account),
      'credentials.deleteOrphan': (r) => orphans.remove(r.account),
    },
  };
}
