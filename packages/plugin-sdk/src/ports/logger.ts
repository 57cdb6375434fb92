/** Structured fields attached to a log line. */
export type LogBindings = Record<string, unknown>;

/** A pino-style log method: `log('message')` or `log({ fields }, 'message')`. */
export interface LogFn {
  (message: string): void;
  (bindings: LogBindings, message?: string): void;
}

/**
 * A structured logger; a pino logger satisfies it. The host gives each plugin instance a child bound to
 * `{ plugin, instance }`. Never log secrets or tokens.
 */
export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  /** A logger that adds `bindings` to every line. */
  child(bindings: LogBindings): Logger;
}
