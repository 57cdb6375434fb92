import type { Clock } from '../clock.js';

/** A clock that stands still until a test moves it. */
export interface FakeClock extends Clock {
  /** Moves the clock forward (or back, with a negative value). */
  advance(milliseconds: number): void;
  set(time: Date | string): void;
}

/** A {@link FakeClock} starting at `start` (default 2026-01-01T00:00:00Z). */
export function createFakeClock(start: Date | string = '2026-01-01T00:00:00.000Z'): FakeClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (time) => {
      current = new Date(time).getTime();
    },
  };
}
