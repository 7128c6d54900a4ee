// Optional rate limiting (ref §7): Square has limits but publishes no numbers and no Retry-After header,
// so the stand-in has none unless a test or the benchmark sets one. Counted per environment listener on a
// fixed window of real (monotonic) time: the controllable clock is for token lifetimes, not for throughput.
import { performance } from 'node:perf_hooks';
import type { RateLimitOptions } from './types';

export class RateLimiter {
  private windowStart = performance.now();
  private count = 0;

  constructor(private limit: RateLimitOptions | undefined) {}

  set(limit: RateLimitOptions | undefined): void {
    this.limit = limit;
    this.windowStart = performance.now();
    this.count = 0;
  }

  /** Counts this request; true when it goes over a limit. `inFlight` includes this request. */
  exceeded(inFlight: number): boolean {
    const l = this.limit;
    if (!l) return false;
    if (l.maxConcurrent !== undefined && inFlight > l.maxConcurrent) return true;
    if (l.maxRequests === undefined) return false;
    const now = performance.now();
    if (now - this.windowStart >= (l.windowMs ?? 1000)) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count++;
    return this.count > l.maxRequests;
  }
}
