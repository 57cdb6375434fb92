/** The source of the current time; use it instead of `new Date()` so tests can move time. */
export interface Clock {
  now(): Date;
}
