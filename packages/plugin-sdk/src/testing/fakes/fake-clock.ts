import type { Clock } from '../../ports/clock.js';

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  private current: Date;

  /** @param start the initial time (default 2026-01-01T00:00:00Z). */
  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to `time`. */
  set(time: Date | string): void {
    this.current = new Date(time);
  }

  /** Moves forward by `milliseconds`. */
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
