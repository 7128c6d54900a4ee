// The ledger of sandbox charge attempts (charges.json beside credentials.json): every attempt,
// its idempotency key, request, outcome and vendor ids, written atomically before and after each
// send, so a retry after a restart still uses the same key. Entries that fail validation on load
// are set aside in a file of their own, never dropped.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ChargeAttemptView, Environment } from '@shared/contract';
import { writeFileAtomic } from '../vault/atomic-file';

export const LEDGER_FILE = 'charges.json';
const LEDGER_VERSION = 1;
/** Oldest attempts beyond this are dropped from the file (their card tokens too). */
export const LEDGER_CAPACITY = 5_000;

export const LedgerEntry = z.strictObject({
  ...ChargeAttemptView.shape,
  environment: Environment,
  /** Keychain account holding the card token made for this attempt (never the token itself). */
  sourceAccount: z.string().max(100).nullable(),
  /** Hash of credential + request: the same key may only ever carry the same request. */
  requestHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export function toAttemptView(e: LedgerEntry): ChargeAttemptView {
  const { environment: _e, sourceAccount: _s, requestHash: _h, ...view } = e;
  return view;
}

export class ChargeLedger {
  private entries: LedgerEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, LEDGER_FILE);
  }

  /** Loads the file; returns how many entries were set aside. */
  async load(): Promise<number> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(this.file, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      parsed = null;
    }
    const raw = (parsed as { attempts?: unknown } | null)?.attempts;
    const list = Array.isArray(raw) ? raw : [];
    const bad: unknown[] = [];
    for (const entry of list) {
      const r = LedgerEntry.safeParse(entry);
      if (r.success) this.entries.push(Object.freeze(r.data));
      else bad.push(entry);
    }
    if (bad.length > 0 || !Array.isArray(raw)) {
      const keep = `${LEDGER_FILE}.damaged-${Date.now()}`;
      await fs.copyFile(this.file, path.join(path.dirname(this.file), keep)).catch(() => undefined);
    }
    return bad.length;
  }

  list(): readonly LedgerEntry[] {
    return this.entries;
  }

  get(id: string): LedgerEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  byKey(idempotencyKey: string): LedgerEntry | undefined {
    const key = idempotencyKey.toLowerCase();
    return this.entries.find((e) => e.idempotencyKey.toLowerCase() === key);
  }

  /** Adds or replaces an entry and persists; returns entries dropped to stay within capacity. */
  put(entry: LedgerEntry): Promise<LedgerEntry[]> {
    const run = async (): Promise<LedgerEntry[]> => {
      const checked = Object.freeze(LedgerEntry.parse(entry));
      const next = [...this.entries.filter((e) => e.id !== checked.id), checked];
      next.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const dropped = next.length > LEDGER_CAPACITY ? next.splice(0, next.length - LEDGER_CAPACITY) : [];
      await writeFileAtomic(this.file, JSON.stringify({ version: LEDGER_VERSION, attempts: next }, null, 1));
      this.entries = next;
      return dropped;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
