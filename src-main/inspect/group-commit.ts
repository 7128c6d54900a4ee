// Inspection results reach credentials.json in groups: while one write of the index is under way,
// every result that arrives waits for the next, and that one write carries them all. A bulk
// inspection of 500 tokens then costs a few index writes instead of 500 (each rewrites the whole
// file with an fsync), and one credentials.changed event per write instead of one per token.
import type { MetadataIndex, Draft } from '../vault/metadata-index';

interface Pending {
  id: string;
  apply(draft: Draft): void;
  resolve(): void;
  reject(e: unknown): void;
}

export function createGroupCommit(index: MetadataIndex, onWritten: (ids: string[]) => void) {
  let pending: Pending[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        // One change may fail (its credential was deleted meanwhile); the others still land.
        const failures = await index.mutate((draft) =>
          group.map((p) => {
            try {
              p.apply(draft);
              return null;
            } catch (e) {
              return { e };
            }
          }),
        );
        group.forEach((p, i) => (failures[i] ? p.reject(failures[i]!.e) : p.resolve()));
        const ids = group.filter((_p, i) => !failures[i]).map((p) => p.id);
        for (let i = 0; i < ids.length; i += 1000) onWritten(ids.slice(i, i + 1000));
      } catch (e) {
        for (const p of group) p.reject(e);
      }
    }
    writing = false;
  }

  /** Applies `apply` in the next index write; resolves once that write is on disk. */
  return function commit(id: string, apply: (draft: Draft) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      pending.push({ id, apply, resolve, reject });
      if (!writing) void drain();
    });
  };
}
