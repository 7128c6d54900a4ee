// Bulk inspection: many credentials, a bounded number at a time, with progress events and
// cancel. The vendors' rate limits are kept by each provider's own limiter (per token and per
// app for Clover, clover-api.md §9), so this pool only bounds how much runs at once.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { EventOf, InspectionView } from '@shared/contract';

export interface BulkDeps {
  inspectOne(id: string, signal: AbortSignal): Promise<InspectionView>;
  emit<E extends 'inspection.progress' | 'inspection.finished'>(event: E, payload: EventOf<E>): void;
  /** Inspections in flight at once (default BULK_CONCURRENCY). */
  concurrency?: number;
  /** Results are sent in batches at most this often (default 100 ms). */
  flushMs?: number;
  onError?(id: string, error: unknown): void;
}

/**
 * Enough inspections at once for 25 Clover apps at their published limits (5 inspections of 2
 * requests per app keep its 10 in flight busy, clover-api.md §9). The vendor modules pace the
 * requests; this only bounds how many inspections (and keychain reads) are under way.
 */
export const BULK_CONCURRENCY = 128;

export function createBulkInspector(d: BulkDeps) {
  const jobs = new Map<string, AbortController>();

  function start(ids: string[]): { jobId: string; total: number } {
    const jobId = randomUUID();
    const unique = [...new Set(ids)];
    const abort = new AbortController();
    // Every inspection in flight (and each of its requests) listens on this one signal.
    setMaxListeners(0, abort.signal);
    jobs.set(jobId, abort);
    let done = 0;
    let pending: InspectionView[] = [];
    let timer: NodeJS.Timeout | null = null;
    const flush = (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending.length === 0) return;
      while (pending.length > 0)
        d.emit('inspection.progress', { jobId, done, total: unique.length, results: pending.splice(0, 200) });
    };
    const queue = [...unique];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined && !abort.signal.aborted; id = queue.shift()) {
        try {
          pending.push(await d.inspectOne(id, abort.signal));
        } catch (e) {
          if (abort.signal.aborted) break; // cut short by cancel: not done
          d.onError?.(id, e);
        }
        done += 1;
        if (pending.length >= 200) flush();
        else timer ??= setTimeout(flush, d.flushMs ?? 100);
      }
    };
    const workers = Array.from({ length: Math.min(d.concurrency ?? BULK_CONCURRENCY, unique.length) }, worker);
    void Promise.all(workers).then(() => {
      flush();
      jobs.delete(jobId);
      pending = [];
      d.emit('inspection.finished', { jobId, done, total: unique.length, cancelled: abort.signal.aborted });
    });
    return { jobId, total: unique.length };
  }

  return {
    start,
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.abort(new Error('cancelled'));
      return true;
    },
    /** Cancels every job (core.close()). */
    cancelAll(): void {
      for (const job of jobs.values()) job.abort(new Error('closing'));
    },
  };
}
