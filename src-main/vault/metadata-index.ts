// The non-secret metadata index (DESIGN invariant 2): a versioned JSON file in the data folder,
// validated on load and written atomically. Listing never touches the keychain.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CredentialView, Settings } from '../ipc/contract';
import { writeFileAtomic } from './atomic-file';

export const INDEX_FILE = 'credentials.json';
export const INDEX_VERSION = 1;
export const DEFAULT_SETTINGS: Settings = { clipboardClearSeconds: 30 };

const IndexFile = z.strictObject({
  version: z.literal(INDEX_VERSION),
  settings: Settings,
  credentials: z.array(CredentialView),
});
type IndexFile = z.infer<typeof IndexFile>;

export interface LoadOutcome {
  /** Set when the file on disk was unreadable; it was moved aside, never deleted. */
  quarantinedAs: string | null;
}

export class MetadataIndex {
  private data: IndexFile = { version: INDEX_VERSION, settings: { ...DEFAULT_SETTINGS }, credentials: [] };
  private byId = new Map<string, CredentialView>();
  private queue: Promise<unknown> = Promise.resolve();
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, INDEX_FILE);
  }

  async load(): Promise<LoadOutcome> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { quarantinedAs: null };
      throw e;
    }
    let parsed: ReturnType<typeof IndexFile.safeParse>;
    try {
      parsed = IndexFile.safeParse(JSON.parse(text));
    } catch {
      parsed = { success: false } as ReturnType<typeof IndexFile.safeParse>;
    }
    if (!parsed.success) {
      // Keep the bad file for recovery; the keychain items then show up as orphans, not lost.
      const aside = `${this.file}.invalid-${Date.now()}`;
      await fs.rename(this.file, aside);
      return { quarantinedAs: aside };
    }
    this.data = { ...parsed.data, credentials: parsed.data.credentials.map((c) => Object.freeze(c)) };
    this.byId = new Map(this.data.credentials.map((c) => [c.id, c]));
    return { quarantinedAs: null };
  }

  list(): CredentialView[] {
    return this.data.credentials;
  }

  get(id: string): CredentialView | undefined {
    return this.byId.get(id);
  }

  get settings(): Settings {
    return this.data.settings;
  }

  /**
   * Applies a change and persists it; on a failed write the in-memory state is unchanged.
   * Entries are frozen, so a change must replace an entry rather than edit it; only new or
   * replaced entries are validated, which keeps one change cheap in a large vault.
   */
  mutate<T>(change: (draft: IndexFile) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const before = new Set(this.data.credentials);
      const draft: IndexFile = { ...this.data, settings: { ...this.data.settings }, credentials: [...this.data.credentials] };
      const result = change(draft);
      const checked: IndexFile = {
        version: INDEX_VERSION,
        settings: Settings.parse(draft.settings),
        credentials: draft.credentials.map((c) => (before.has(c) ? c : Object.freeze(CredentialView.parse(c)))),
      };
      if (new Set(checked.credentials.map((c) => c.id)).size !== checked.credentials.length) throw new Error('Duplicate credential id in the index.');
      await writeFileAtomic(this.file, JSON.stringify(checked, null, 1));
      this.data = checked;
      this.byId = new Map(checked.credentials.map((c) => [c.id, c]));
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
