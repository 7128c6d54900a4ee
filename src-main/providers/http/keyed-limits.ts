// Limits a request carries besides its host's: a provider names what it counts against (Clover:
// the token and the app, each with its own published numbers, clover-api.md §9) and every client
// of the core shares one counter per name, so two screens inspecting one token count together.
import { createHostLimiter, type HostLimiter, type Release } from './rate-limit';

export interface LimitSpec {
  /** What is counted, e.g. `clover:token:<fingerprint>` or `clover:app:<appId>` (never a secret). */
  key: string;
  maxConcurrent: number;
  maxPerSecond: number;
  /** This spec is the provider's own cap for the whole host: it replaces the core's default host
   *  cap for this request (Square, whose host cap is its own decision: providers/square/limits.ts). */
  replacesHostCap?: boolean;
}

export interface KeyedLimits {
  /** Waits for a slot under every spec, in order; releases all of them together. */
  acquire(specs: readonly LimitSpec[], signal?: AbortSignal): Promise<Release>;
}

export function createKeyedLimits(): KeyedLimits {
  const limiters = new Map<string, HostLimiter>();
  const limiterFor = (s: LimitSpec): HostLimiter => {
    const id = `${s.maxConcurrent}/${s.maxPerSecond}`;
    let l = limiters.get(id);
    if (!l) limiters.set(id, (l = createHostLimiter({ maxConcurrent: s.maxConcurrent, maxPerWindow: s.maxPerSecond })));
    return l;
  };
  return {
    async acquire(specs, signal) {
      const held: Release[] = [];
      try {
        for (const s of specs) held.push(await limiterFor(s).acquire(s.key, signal));
      } catch (e) {
        for (const r of held) r();
        throw e;
      }
      return () => held.forEach((r) => r());
    },
  };
}
