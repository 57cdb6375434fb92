import { JobQueueError } from './errors.js';

/** Rejects delays the drivers would treat differently (negative, NaN, fractional milliseconds). */
export function assertDelay(delay: number | undefined): void {
  if (delay === undefined) return;
  if (!Number.isInteger(delay) || delay < 0) {
    throw new JobQueueError(
      'invalid_option',
      `delay must be a whole number of milliseconds >= 0, got ${delay}`,
    );
  }
}
