// Per-host concurrency cap and start-rate limit, kept under the vendors' limits. Clover documents
// 16 requests/s and 5 concurrent requests per token, 50/s and 10 concurrent per app (clover-api.md
// §9); Square publishes none (square-api.md §7). Small and hand-written: no limiter is installed.

export interface HostLimiterOptions {
  /** Requests in flight per host (default 4, below Clover's 5 per token). */
  maxConcurrent?: number;
  /** Request starts per host per window (default 10 per second, below Clover's 16 per token). */
  maxPerWindow?: number;
  windowMs?: number;
  now?: () => number;
}

export type Release = () => void;

export interface HostLimiter {
  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<Release>;
  inFlight(host: string): number;
}

interface Waiter {
  grant: (release: Release) => void;
}
interface HostState {
  active: number;
  starts: number[];
  queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | null;
}

export function createHostLimiter(options: HostLimiterOptions = {}): HostLimiter {
  const { maxConcurrent = 4, maxPerWindow = 10, windowMs = 1000, now = () => performance.now() } = options;
  if (maxConcurrent < 1 || maxPerWindow < 1 || windowMs <= 0) throw new RangeError('limiter limits must be positive');
  const hosts = new Map<string, HostState>();

  const stateOf = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) hosts.set(host, (s = { active: 0, starts: [], queue: [], timer: null }));
    return s;
  };

  const pump = (host: string, s: HostState): void => {
    while (s.queue.length > 0 && s.active < maxConcurrent) {
      const t = now();
      while (s.starts.length > 0 && (s.starts[0] ?? 0) <= t - windowMs) s.starts.shift();
      if (s.starts.length >= maxPerWindow) {
        if (!s.timer) {
          const wait = Math.max(1, (s.starts[0] ?? t) + windowMs - t);
          s.timer = setTimeout(() => {
            s.timer = null;
            pump(host, s);
          }, wait);
        }
        return;
      }
      const waiter = s.queue.shift() as Waiter;
      s.active += 1;
      s.starts.push(t);
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        s.active -= 1;
        pump(host, s);
      });
    }
  };

  return {
    acquire(host, signal) {
      const s = stateOf(host);
      return new Promise<Release>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
        const onAbort = (): void => {
          const i = s.queue.indexOf(waiter);
          if (i !== -1) s.queue.splice(i, 1);
          reject(signal?.reason ?? new Error('aborted'));
        };
        const waiter: Waiter = {
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        s.queue.push(waiter);
        pump(host, s);
      });
    },
    inFlight: (host) => hosts.get(host)?.active ?? 0,
  };
}
