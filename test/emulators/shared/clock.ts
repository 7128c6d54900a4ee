// A stand-in's clock: a base (Date.now or the test's own) plus whatever `advance` added, so tests
// can expire tokens and codes and empty rate windows without sleeping. Shared by both stand-ins.
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(base: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a finite, non-negative number');
      offset += ms;
    },
  };
}
