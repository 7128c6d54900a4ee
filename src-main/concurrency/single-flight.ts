// One run per key at a time; callers that arrive while it runs share its result. Used where a
// second run would be harmful, not just wasteful: a single-use refresh token spent twice loses
// the pair (clover-api.md §2, square-api.md §4).
export interface SingleFlight<T> {
  run(key: string, work: () => Promise<T>): Promise<T>;
  readonly running: number;
}

export function createSingleFlight<T>(): SingleFlight<T> {
  const inFlight = new Map<string, Promise<T>>();
  return {
    run(key, work) {
      const current = inFlight.get(key);
      if (current) return current;
      const started = Promise.resolve().then(work);
      inFlight.set(key, started);
      void started.then(
        () => inFlight.delete(key),
        () => inFlight.delete(key),
      );
      return started;
    },
    get running() {
      return inFlight.size;
    },
  };
}
