// The published limits (ref §9): per token 16 req/s and 5 in flight; per app 50 req/s and 10 in flight.
// A request is "in flight" from arrival until its answer has been written (latency and injected delays
// included), so the concurrency counts match what a client sees. Rates use a sliding 1 s window on the
// emulator clock. Choices where ref §9 is silent (stricter each time):
// - every arrival counts toward the rate windows, refused ones too (ref §9 "Retrying early makes the
//   wait longer");
// - after a concurrency 429 the token (or app) is blocked for `retry-after` seconds; a request inside
//   that window is refused again and restarts it (penalizeEarlyRetry);
// - rate (not concurrency) 429s carry no retry-after: ref §9 only documents it on concurrency 429s.
// The Ecommerce numbers are UNCONFIRMED (ref §9); the same limits apply to every Bearer/apikey call.
import type { Clock } from './clock';
import type { RateLimitConfig, RateLimitName, RateLimitStats } from './types';

export interface Subject {
  /** Credential id, or a fingerprint for a value the world does not know. */
  tokenKey: string;
  appKey: string | null;
}

export type Admission = { ok: true; release: () => void } | { ok: false; limit: RateLimitName; retryAfterSec?: number };

interface Bucket {
  inFlight: number;
  arrivals: number[];
  admitted: number[];
  blockedUntil: number;
  blockedBy: RateLimitName | null;
  peakInFlight: number;
  peakPerSecond: number;
}

const WINDOW_MS = 1000;

export class RateLimiter {
  private readonly tokens = new Map<string, Bucket>();
  private readonly apps = new Map<string, Bucket>();
  readonly rejected: Record<RateLimitName, number> = {
    tokenLimit: 0,
    crossTokenLimit: 0,
    tokenConcurrentLimit: 0,
    crossTokenConcurrentLimit: 0,
  };

  constructor(
    private readonly cfg: RateLimitConfig,
    private readonly clock: Clock,
  ) {}

  private bucket(map: Map<string, Bucket>, key: string): Bucket {
    let b = map.get(key);
    if (!b) {
      b = {
        inFlight: 0,
        arrivals: [],
        admitted: [],
        blockedUntil: 0,
        blockedBy: null,
        peakInFlight: 0,
        peakPerSecond: 0,
      };
      map.set(key, b);
    }
    return b;
  }

  admit(s: Subject): Admission {
    const now = this.clock.now();
    const token = this.bucket(this.tokens, s.tokenKey);
    const app = s.appKey === null ? null : this.bucket(this.apps, s.appKey);
    for (const b of [token, app]) {
      if (!b) continue;
      while (b.arrivals.length && b.arrivals[0]! <= now - WINDOW_MS) b.arrivals.shift();
      while (b.admitted.length && b.admitted[0]! <= now - WINDOW_MS) b.admitted.shift();
    }
    const verdict = this.judge(now, token, app);
    for (const b of [token, app]) b?.arrivals.push(now);
    if (verdict) {
      this.rejected[verdict.limit]++;
      return verdict;
    }
    for (const b of [token, app]) {
      if (!b) continue;
      b.inFlight++;
      b.admitted.push(now);
      b.peakInFlight = Math.max(b.peakInFlight, b.inFlight);
      b.peakPerSecond = Math.max(b.peakPerSecond, b.admitted.length);
    }
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        token.inFlight--;
        if (app) app.inFlight--;
      },
    };
  }

  private judge(
    now: number,
    token: Bucket,
    app: Bucket | null,
  ): { ok: false; limit: RateLimitName; retryAfterSec?: number } | null {
    const c = this.cfg;
    for (const b of [token, app]) {
      if (b && b.blockedBy && now < b.blockedUntil) return this.block(now, b, b.blockedBy, c.penalizeEarlyRetry);
    }
    if (token.inFlight >= c.perTokenConcurrent) return this.block(now, token, 'tokenConcurrentLimit', true);
    if (app && app.inFlight >= c.perAppConcurrent) return this.block(now, app, 'crossTokenConcurrentLimit', true);
    if (token.arrivals.length >= c.perTokenPerSecond) return { ok: false, limit: 'tokenLimit' };
    if (app && app.arrivals.length >= c.perAppPerSecond) return { ok: false, limit: 'crossTokenLimit' };
    return null;
  }

  private block(now: number, b: Bucket, limit: RateLimitName, restart: boolean) {
    if (restart) {
      b.blockedUntil = now + this.cfg.concurrencyRetryAfterSec * 1000;
      b.blockedBy = limit;
    }
    return { ok: false as const, limit, retryAfterSec: Math.max(1, Math.ceil((b.blockedUntil - now) / 1000)) };
  }

  /** Value of the X-RateLimit-<name> header: the limit that was hit. */
  limitValue(name: RateLimitName): number {
    const c = this.cfg;
    return {
      tokenLimit: c.perTokenPerSecond,
      crossTokenLimit: c.perAppPerSecond,
      tokenConcurrentLimit: c.perTokenConcurrent,
      crossTokenConcurrentLimit: c.perAppConcurrent,
    }[name];
  }

  stats(): RateLimitStats {
    const pick = (m: Map<string, Bucket>, f: (b: Bucket) => number) =>
      Object.fromEntries([...m].filter(([k]) => !k.startsWith('unknown:')).map(([k, b]) => [k, f(b)]));
    return {
      rejected: { ...this.rejected },
      total429: Object.values(this.rejected).reduce((a, b) => a + b, 0),
      peakConcurrencyByToken: pick(this.tokens, (b) => b.peakInFlight),
      peakConcurrencyByApp: pick(this.apps, (b) => b.peakInFlight),
      peakPerSecondByToken: pick(this.tokens, (b) => b.peakPerSecond),
      peakPerSecondByApp: pick(this.apps, (b) => b.peakPerSecond),
    };
  }
}
