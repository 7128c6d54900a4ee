// From every earlier credentials.json version to the current one, entry by entry, so one bad
// entry never sinks the others. Version 1 (the foundation, test/fixtures/credentials-v1.json)
// stored the renderer's view as it was; version 2 separates the record from the view and adds
// links, inspection results and the duplicate-detection hash.
import { RECORD_VERSION } from './stored-record';

type Entry = Record<string, unknown>;

/** `STEPS[n]` turns a version-n entry into a version-(n+1) entry. */
const STEPS: Record<number, (e: Entry) => Entry> = {
  1: (e) => ({ ...e, parentId: null, inspection: null, valueHash: null }),
};

export const OLDEST_READABLE_VERSION = 1;

export function canMigrate(version: number): boolean {
  return Number.isInteger(version) && version >= OLDEST_READABLE_VERSION && version <= RECORD_VERSION;
}

/** The entry in the current version's shape (still unvalidated: the caller validates it). */
export function migrateEntry(entry: unknown, fromVersion: number): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  let e = entry as Entry;
  for (let v = fromVersion; v < RECORD_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`No migration from credentials.json version ${v}`);
    e = step(e);
  }
  return e;
}
