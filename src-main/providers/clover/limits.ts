// Clover's published rate limits (clover-api.md §9) as per-request limits: every request counts
// against its token (16/s, 5 in flight) and its app (50/s, 10 in flight), and after a 429 every
// request of that token or app waits (the docs: "pause 1 s, then back off exponentially"; the
// community: halt all requests on a 429), so one 429 does not become a burst of them.
import type { Environment } from '@shared/vocabulary';
import type { LimitSpec } from '../http/keyed-limits';

/** Our send time and Clover's arrival time differ by the network's jitter; a window 10% wider than
 *  Clover's second keeps a request that left just after our window from landing inside theirs. */
const WINDOW_MS = 1100;

export const CLOVER_LIMITS = {
  token: { maxConcurrent: 5, maxPerSecond: 16 },
  app: { maxConcurrent: 10, maxPerSecond: 50 },
} as const;

/**
 * The limits a request with this token carries. Keys name credential ids and app ids, never a
 * secret. A token whose app is unknown counts against one shared "unknown app" budget: every such
 * token might belong to the same app, so together they stay within one app's limits.
 */
export function limitsFor(environment: Environment, tokenKey: string, appId: string | null): LimitSpec[] {
  return [
    { key: `clover:${environment}:token:${tokenKey}`, ...CLOVER_LIMITS.token, windowMs: WINDOW_MS },
    { key: `clover:${environment}:app:${appId ?? '(unknown)'}`, ...CLOVER_LIMITS.app, windowMs: WINDOW_MS },
  ];
}

/**
 * Clover's own cap for a whole host, replacing the core's generic one (4 in flight, 10/s), which
 * would hold every Clover app together below one token's limits. Clover's limits are per token and
 * per app (carried above); the host cap is only a safety net against a runaway loop, sized so a
 * support engineer's 25 apps can each use their published limits at once: 25 x 10 in flight,
 * 25 x 50/s.
 */
export const CLOVER_HOST_LIMIT = { maxConcurrent: 256, maxPerSecond: 1_250 } as const;

export function hostCapFor(environment: Environment, service: string): LimitSpec {
  return { key: `clover:${environment}:host:${service}`, ...CLOVER_HOST_LIMIT, replacesHostCap: true };
}

export interface PauseGate {
  /** Resolves when none of these keys is paused (at once when none is); rejects when `signal` aborts. */
  wait(keys: readonly string[], signal?: AbortSignal): Promise<void>;
  /** Pauses every request of these keys for `ms` (a longer pause already set wins). */
  pause(keys: readonly string[], ms: number): void;
}

export function createPauseGate(now: () => number = () => performance.now()): PauseGate {
  const until = new Map<string, number>();
  const remaining = (keys: readonly string[]): number => {
    const t = now();
    let wait = 0;
    for (const k of keys) {
      const u = until.get(k);
      if (u === undefined) continue;
      if (u <= t) until.delete(k);
      else wait = Math.max(wait, u - t);
    }
    return wait;
  };
  return {
    async wait(keys, signal) {
      for (let ms = remaining(keys); ms > 0; ms = remaining(keys)) {
        signal?.throwIfAborted();
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(done, ms);
          function done(): void {
            signal?.removeEventListener('abort', abort);
            resolve();
          }
          function abort(): void {
            clearTimeout(timer);
            reject(signal?.reason ?? new Error('aborted'));
          }
          signal?.addEventListener('abort', abort, { once: true });
        });
      }
    },
    pause(keys, ms) {
      const u = now() + ms;
      for (const k of keys) until.set(k, Math.max(until.get(k) ?? 0, u));
    },
  };
}

/** Clover: pause 1 s, then back off exponentially (clover-api.md §9), with up to 20% jitter so
 *  the requests a pause held back do not all resume in the same millisecond. */
export function backoffMs(attempt: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const base = retryAfterMs ?? 1000 * 2 ** attempt;
  return Math.round(base + random() * Math.min(base, 1000) * 0.2);
}

/** Inspections of one app that may run at once: an inspection sends up to 2 requests together,
 *  so 5 keep the app within its 10 in flight, and requests never queue long enough inside the
 *  HTTP deadline to time out (waiting happens here, before any deadline starts). */
export const INSPECTIONS_PER_APP = 5;

export interface Slots {
  /** Runs `work` once fewer than `capacity` runs of `key` are active; queued runs wait in order. */
  run<T>(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createSlots(capacity: number): Slots {
  const state = new Map<string, { active: number; queue: (() => void)[] }>();
  return {
    async run(key, work, signal) {
      let s = state.get(key);
      if (!s) state.set(key, (s = { active: 0, queue: [] }));
      const slot = s;
      if (slot.active < capacity) slot.active += 1;
      else {
        // A finished run hands its slot straight to the next waiter (active stays the same).
        await new Promise<void>((resolve, reject) => {
          const go = (): void => {
            signal?.removeEventListener('abort', abort);
            resolve();
          };
          const abort = (): void => {
            slot.queue.splice(slot.queue.indexOf(go), 1);
            reject(signal?.reason ?? new Error('aborted'));
          };
          if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
          slot.queue.push(go);
          signal?.addEventListener('abort', abort, { once: true });
        });
      }
      try {
        return await work();
      } finally {
        const next = slot.queue.shift();
        if (next) next();
        else if (--slot.active === 0) state.delete(key);
      }
    },
  };
}
