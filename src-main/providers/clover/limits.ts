// Clover's published rate limits (clover-api.md §9) as per-request limits: every request counts
// against its token (16/s, 5 in flight) and its app (50/s, 10 in flight), and after a 429 every
// request of that token or app waits (the docs: "pause 1 s, then back off exponentially"; the
// community: halt all requests on a 429), so one 429 does not become a burst of them.
import type { Environment } from '@shared/vocabulary';
import type { LimitSpec } from '../http/keyed-limits';

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
    { key: `clover:${environment}:token:${tokenKey}`, ...CLOVER_LIMITS.token },
    { key: `clover:${environment}:app:${appId ?? '(unknown)'}`, ...CLOVER_LIMITS.app },
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

/**
 * Clover counts a request in its 1 s windows when it ARRIVES, and we cannot see that moment: it lies
 * somewhere between our send and our receipt of the answer (network jitter, a busy event loop). A
 * window counted from sends can therefore look like 51 arrivals to Clover. Counted from answers it
 * cannot: a request holds its place while in flight and for a full window after its answer came
 * back, so by the time it leaves our count it has surely left Clover's. This costs about one
 * latency per window (1 s + ~50 ms instead of 1 s) and buys zero 429s.
 */
export interface RateWindows {
  /** Waits until every spec has room (in flight + answered within the window < max), takes it. */
  acquire(specs: readonly LimitSpec[], signal?: AbortSignal): Promise<() => void>;
}

export function createRateWindows(windowMs = 1000, now: () => number = () => performance.now()): RateWindows {
  const state = new Map<string, { inFlight: number; answered: number[] }>();
  const of = (key: string): { inFlight: number; answered: number[] } => {
    let st = state.get(key);
    if (!st) state.set(key, (st = { inFlight: 0, answered: [] }));
    return st;
  };
  /** 0 when every spec has room now, else how long until the oldest answer leaves a full window. */
  const waitFor = (specs: readonly LimitSpec[]): number => {
    const t = now();
    let wait = 0;
    for (const sp of specs) {
      const st = of(sp.key);
      while (st.answered.length > 0 && st.answered[0]! <= t - windowMs) st.answered.shift();
      if (st.inFlight + st.answered.length < sp.maxPerSecond) continue;
      // All in flight: nothing leaves before an answer comes back and ages; look again shortly.
      wait = Math.max(wait, st.answered.length > 0 ? st.answered[0]! + windowMs - t : 20);
    }
    return wait;
  };
  return {
    async acquire(specs, signal) {
      for (let ms = waitFor(specs); ms > 0; ms = waitFor(specs)) {
        signal?.throwIfAborted();
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(done, Math.ceil(ms));
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
      for (const sp of specs) of(sp.key).inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const t = now();
        for (const sp of specs) {
          const st = of(sp.key);
          st.inFlight -= 1;
          st.answered.push(t);
        }
      };
    },
  };
}
