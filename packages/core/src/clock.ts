/** Where services read the current time, so tests can move it (sessions expire, keys are last used…). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
