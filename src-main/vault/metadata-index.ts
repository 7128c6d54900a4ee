// The non-secret metadata index (DESIGN invariant 2): credentials.json in the data folder,
// versioned, migrated, validated entry by entry on load and written atomically. Damage never makes
// credentials vanish: every entry that validates is kept, the others are set aside in a file of
// their own, the damaged original is copied first, and nothing is ever deleted. A file from a newer
// app version is opened read-only. Listing never touches the keychain.
import fs from 'node:fs/promises';
import path from 'node:path';
import { jsonrepair } from 'jsonrepair';
import { Settings, type CredentialView, type VaultHealth } from '@shared/contract';
import { CLIPBOARD_CLEAR_SECONDS, EXPIRY_WARNING_DAYS } from '@shared/vocabulary';
import { AppError } from '../errors/app-error';
import { expiryState } from '../inspect/expiry';
import { writeFileAtomic } from './atomic-file';
import { canMigrate, migrateEntry } from './migrations';
import { RECORD_VERSION, StoredCredential, toView, type StoredIndex } from './stored-record';

export const INDEX_FILE = 'credentials.json';
export const DEFAULT_SETTINGS: Settings = {
  clipboardClearSeconds: CLIPBOARD_CLEAR_SECONDS.default,
  expiryWarningDays: EXPIRY_WARNING_DAYS.default,
};
/** Our own temp-file names (atomic-file.ts); left behind only by a crash mid-write. */
const TEMP_FILE = /^\.credentials\.json\.\d+\.[0-9a-f]+\.tmp$/;

export type Draft = { settings: Settings; credentials: StoredCredential[] };

interface CachedView {
  expiresAtMs: number | null;
  view: CredentialView;
}

const OK: VaultHealth = { state: 'ok', message: null, hint: null, setAside: 0, files: [], migratedFrom: null };

export class MetadataIndex {
  private data: StoredIndex = { version: RECORD_VERSION, settings: { ...DEFAULT_SETTINGS }, credentials: [] };
  private byId = new Map<string, StoredCredential>();
  private readonly views = new WeakMap<StoredCredential, CachedView>();
  private queue: Promise<unknown> = Promise.resolve();
  private healthNow: VaultHealth = OK;
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, INDEX_FILE);
  }

  get health(): VaultHealth {
    return this.healthNow;
  }

  async load(): Promise<VaultHealth> {
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    await fs.chmod(this.dataDir, 0o700).catch(() => undefined); // Electron may have made it 0755
    await this.removeStaleTempFiles();
    const text = await this.readIndexText();
    if (text === null) return this.healthNow;
    this.healthNow = await this.loadText(text);
    return this.healthNow;
  }

  /** Records in stored order. */
  list(): readonly StoredCredential[] {
    return this.data.credentials;
  }

  get(id: string): StoredCredential | undefined {
    return this.byId.get(id);
  }

  get settings(): Settings {
    return this.data.settings;
  }

  /** Views of every record at `nowMs`; each is built and frozen once per record and expiry state. */
  listViews(nowMs: number): CredentialView[] {
    return this.data.credentials.map((r) => this.viewOf(r, nowMs));
  }

  /** The view at `nowMs`, "soon" meaning within the user's warning window. */
  viewOf(r: StoredCredential, nowMs: number): CredentialView {
    const soonDays = this.data.settings.expiryWarningDays;
    const cached = this.views.get(r);
    if (cached && cached.view.expiry === expiryState(cached.expiresAtMs, nowMs, soonDays)) return cached.view;
    const view = Object.freeze(toView(r, nowMs, soonDays));
    this.views.set(r, { expiresAtMs: r.expiresAt === null ? null : Date.parse(r.expiresAt), view });
    return view;
  }

  /**
   * Applies a change and persists it; on a failed write the in-memory state is unchanged. Records
   * are frozen, so a change replaces a record rather than editing it; only new or replaced records
   * are validated, which keeps one change cheap in a large vault. Changes run one at a time.
   */
  mutate<T>(change: (draft: Draft) => T): Promise<T> {
    const run = async (): Promise<T> => {
      this.assertWritable();
      const before = new Set(this.data.credentials);
      const draft: Draft = { settings: { ...this.data.settings }, credentials: [...this.data.credentials] };
      const result = change(draft);
      const credentials = draft.credentials.map((c) => (before.has(c) ? c : Object.freeze(StoredCredential.parse(c))));
      if (new Set(credentials.map((c) => c.id)).size !== credentials.length) {
        throw new AppError('CONFLICT', 'That change would give two credentials the same id.');
      }
      const next: StoredIndex = { version: RECORD_VERSION, settings: Settings.parse(draft.settings), credentials };
      await writeFileAtomic(this.file, JSON.stringify(next)); // compact: a 10,000-entry vault is rewritten on every change
      this.data = next;
      this.byId = new Map(credentials.map((c) => [c.id, c]));
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Throws METADATA_READ_ONLY when the index cannot be changed (read-only or unavailable). */
  assertWritable(): void {
    const h = this.healthNow;
    if (h.state === 'read_only' || h.state === 'unavailable') {
      throw new AppError('METADATA_READ_ONLY', h.message ?? 'The credentials index cannot be changed.', h.hint);
    }
  }

  private async removeStaleTempFiles(): Promise<void> {
    const names = await fs.readdir(this.dataDir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => TEMP_FILE.test(n)).map((n) => fs.rm(path.join(this.dataDir, n), { force: true })),
    );
  }

  /** The file's text, null when there is none; a path that is not a readable file disables writes. */
  private async readIndexText(): Promise<string | null> {
    const stat = await fs.lstat(this.file).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e));
    if (stat === null) return null;
    if (stat instanceof Error || !stat.isFile()) {
      this.healthNow = {
        state: 'unavailable',
        message: `${INDEX_FILE} in the data folder is not a readable file, so your credentials cannot be listed or changed.`,
        hint: `Move ${this.file} out of the way (nothing in it is deleted), then restart Merchant Keychain.`,
        setAside: 0,
        files: [],
        migratedFrom: null,
      };
      return null;
    }
    try {
      return await fs.readFile(this.file, 'utf8');
    } catch {
      this.healthNow = {
        ...OK,
        state: 'unavailable',
        message: `${INDEX_FILE} could not be read.`,
        hint: 'Check its permissions, then restart Merchant Keychain.',
      };
      return null;
    }
  }

  private async loadText(text: string): Promise<VaultHealth> {
    const stamp = Date.now();
    const keptFiles: string[] = [];
    const keep = async (suffix: string, content: string): Promise<void> => {
      const name = `${INDEX_FILE}.${suffix}-${stamp}`;
      await writeFileAtomic(path.join(this.dataDir, name), content);
      keptFiles.push(name);
    };

    let parsed: unknown;
    let damaged = false;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      damaged = true;
      try {
        parsed = JSON.parse(jsonrepair(text)); // a truncated file still holds every entry before the cut
      } catch {
        parsed = null;
      }
    }
    const file =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    const version = typeof file?.version === 'number' ? file.version : null;
    const newer = version !== null && Number.isInteger(version) && version > RECORD_VERSION;
    const entries = Array.isArray(file?.credentials) ? (file.credentials as unknown[]) : null;
    if (!file || entries === null || (version !== null && !newer && !canMigrate(version))) damaged = true;

    const settings = Settings.safeParse(file?.settings);
    if (!settings.success && file) damaged = true;
    const setAside: { index: number; reason: string; entry: unknown }[] = [];
    const kept: StoredCredential[] = [];
    const ids = new Set<string>();
    (entries ?? []).forEach((raw, index) => {
      const candidate = newer || version === null ? raw : migrateEntry(raw, version);
      // A newer file is read with unknown fields dropped; it is never written back.
      const r = newer ? StoredCredential.safeParse(stripUnknown(candidate)) : StoredCredential.safeParse(candidate);
      if (!r.success) {
        setAside.push({ index, reason: issueSummary(r.error.issues), entry: raw });
      } else if (ids.has(r.data.id)) {
        setAside.push({ index, reason: 'the same id as an earlier entry', entry: raw });
      } else {
        ids.add(r.data.id);
        kept.push(Object.freeze(r.data));
      }
    });

    if (damaged || setAside.length > 0) await keep('damaged', text);
    if (setAside.length > 0) await keep('set-aside', JSON.stringify({ from: INDEX_FILE, entries: setAside }, null, 1));
    if (!damaged && !newer && version !== null && version < RECORD_VERSION) await keep(`v${version}-backup`, text);

    this.data = {
      version: RECORD_VERSION,
      settings: settings.success ? settings.data : { ...DEFAULT_SETTINGS },
      credentials: kept,
    };
    this.byId = new Map(kept.map((c) => [c.id, c]));
    const migratedFrom = version !== null && version < RECORD_VERSION && canMigrate(version) ? version : null;
    if (newer) {
      return {
        state: 'read_only',
        message: `Your credentials index was written by a newer version of Merchant Keychain (format ${version}); it is open read-only so nothing in it is lost.`,
        hint: 'Update Merchant Keychain to change credentials again.',
        setAside: setAside.length,
        files: keptFiles,
        migratedFrom: null,
      };
    }
    if (damaged || setAside.length > 0) {
      const lost =
        setAside.length === 1
          ? '1 entry could not be read and was'
          : `${setAside.length} entries could not be read and were`;
      const keptText = kept.length === 1 ? '1 credential was kept' : `${kept.length} credentials were kept`;
      return {
        state: 'recovered',
        message: `${INDEX_FILE} was damaged. ${keptText}${setAside.length ? `; ${lost} set aside` : ''}.`,
        hint: `Nothing was deleted: the original is kept as ${keptFiles.join(' and ')} in the data folder. Their keychain items show up as orphans, which you can adopt again.`,
        setAside: setAside.length,
        files: keptFiles,
        migratedFrom,
      };
    }
    return { ...OK, migratedFrom, files: keptFiles };
  }
}

function stripUnknown(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const known = new Set(Object.keys(StoredCredential.options[0].shape));
  return Object.fromEntries(Object.entries(entry).filter(([k]) => known.has(k)));
}

function issueSummary(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const paths = [...new Set(issues.map((i) => (i.path.length ? i.path.join('.') : '(entry)')))];
  return `invalid ${paths.slice(0, 5).join(', ')}`.slice(0, 200);
}
