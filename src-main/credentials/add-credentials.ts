// Adds new credentials all-or-nothing: every value goes to the keychain first, then all their
// records go to the index in one write; if anything fails, what was already stored is removed
// again (and a removal that fails is logged, so the orphan can be found). A value that is
// already stored is recognised by its keyed hash and reported, never stored twice.
import { randomUUID } from 'node:crypto';
import type { PendingImport, Proposal } from '@shared/contract';
import { KIND_LABELS, PROVIDER_LABELS } from '@shared/vocabulary';
import type { CoreDeps } from '../deps';
import { fingerprint } from '../vault/fingerprint';
import type { StoredCredential } from '../vault/stored-record';
import type { ValueHasher } from '../vault/value-hash';

export interface NewCredential {
  value: string;
  proposal: Proposal;
  source: StoredCredential['source'];
  /** `status`/`label`: values main fetched itself (an OAuth exchange) need no confirming. */
  extra?: Partial<
    Pick<StoredCredential, 'merchantId' | 'appId' | 'locationId' | 'expiresAt' | 'parentId' | 'status' | 'label'>
  >;
  /** Links this one to another item of the same batch (its parentId becomes that item's id, or
   *  the id it is already stored under): refresh -> access token, app secret -> app ID. */
  linkTo?: number;
}

export type AddDeps = Pick<CoreDeps, 'index' | 'store' | 'redaction' | 'logger' | 'clock' | 'locks'> & {
  hasher: ValueHasher;
};

/** "Square access token ce64": provider, kind and the fingerprint's hash, until the user names it. */
export function defaultLabel(p: Proposal, fp: string): string {
  return `${PROVIDER_LABELS[p.provider]} ${KIND_LABELS[p.kind].toLowerCase()} ${fp.split(' · ')[1]}`;
}

/** A pending record for a value about to be stored: default label, fingerprint, no links yet. */
export function newRecord(o: {
  id: string;
  value: string;
  proposal: Proposal;
  source: StoredCredential['source'];
  valueHash: string;
  at: string;
  extra?: NewCredential['extra'];
}): StoredCredential {
  const fp = fingerprint(o.value);
  const p = o.proposal;
  const common = {
    id: o.id,
    environment: p.environment,
    label: defaultLabel(p, fp),
    status: 'pending' as const,
    fingerprint: fp,
    source: o.source,
    addedAt: o.at,
    updatedAt: o.at,
    expiresAt: null,
    lastCheckedAt: null,
    merchantId: null,
    appId: null,
    locationId: null,
    parentId: null,
    inspection: null,
    valueHash: o.valueHash,
    ...o.extra,
  };
  return p.provider === 'clover'
    ? { ...common, provider: 'clover', kind: p.kind }
    : { ...common, provider: 'square', kind: p.kind };
}

/** All imports run one at a time, so two pastes of one value cannot both pass the duplicate check. */
export const IMPORT_LOCK = 'import';

export function createAdder(d: AddDeps) {
  /** The credential already holding this value (stored, or earlier in this batch), if any. */
  async function duplicateOf(
    value: string,
    batch: Map<string, StoredCredential>,
  ): Promise<{ hash: string; existing: StoredCredential | null }> {
    const hash = await d.hasher.hash(value);
    const existing = batch.get(hash) ?? d.index.list().find((c) => c.valueHash === hash) ?? null;
    return { hash, existing };
  }

  async function rollback(ids: string[]): Promise<void> {
    for (const id of ids) {
      const removed = await d.store.delete(id).then(
        () => true,
        () => false,
      );
      if (!removed)
        d.logger.error('credential.rollback_failed', {
          id,
          hint: 'the keychain item is an orphan; see the consistency report',
        });
      else d.logger.info('credential.rolled_back', { id });
    }
  }

  /**
   * Stores `items` as pending credentials. Must run under IMPORT_LOCK (callers do). Items whose
   * value is already stored come back in `duplicates` with the label they are saved under.
   */
  async function add(
    items: NewCredential[],
  ): Promise<{ added: PendingImport[]; duplicates: { index: number; label: string; id: string }[] }> {
    const t = d.clock().toISOString();
    const batch = new Map<string, StoredCredential>();
    const records: StoredCredential[] = [];
    const values: string[] = [];
    const proposals: Proposal[] = [];
    const duplicates: { index: number; label: string; id: string }[] = [];
    /** The id each item is (or already was) stored under, for links within the batch. */
    const idOf: string[] = [];
    for (const [i, item] of items.entries()) {
      d.redaction.register(item.value);
      const { hash, existing } = await duplicateOf(item.value, batch);
      if (existing !== null) {
        duplicates.push({ index: i, label: existing.label, id: existing.id });
        idOf[i] = existing.id;
        continue;
      }
      const record = newRecord({
        id: randomUUID(),
        value: item.value,
        proposal: item.proposal,
        source: item.source,
        valueHash: hash,
        at: t,
        extra: item.extra,
      });
      records.push(record);
      values.push(item.value);
      proposals.push(item.proposal);
      batch.set(hash, record);
      idOf[i] = record.id;
    }
    for (const [i, item] of items.entries()) {
      const parentId = item.linkTo === undefined ? undefined : idOf[item.linkTo];
      const j = records.findIndex((r) => r.id === idOf[i]);
      if (parentId !== undefined && parentId !== idOf[i] && j !== -1) records[j] = { ...records[j]!, parentId };
    }
    const stored: string[] = [];
    try {
      for (const [i, r] of records.entries()) {
        await d.store.set(r.id, values[i]!, { newItem: true });
        stored.push(r.id);
      }
      await d.index.mutate((draft) => void draft.credentials.push(...records));
    } catch (e) {
      await rollback(stored);
      throw e;
    }
    for (const r of records)
      d.logger.info('credential.added', { id: r.id, provider: r.provider, kind: r.kind, source: r.source });
    const now = d.clock().getTime();
    return {
      added: records.map((r, i) => ({ credential: d.index.viewOf(d.index.get(r.id)!, now), proposal: proposals[i]! })),
      duplicates,
    };
  }

  /** The stored credential holding this value, if any (run under IMPORT_LOCK for a stable answer). */
  async function existing(value: string): Promise<StoredCredential | null> {
    return (await duplicateOf(value, new Map())).existing;
  }

  return { add, existing };
}
