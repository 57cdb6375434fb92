import { pino } from 'pino';

/** The subset of pino's logger the job API uses, so the host can pass its pino logger (or anything shaped like it). */
export interface JobLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything (tests, or callers that really want silence). */
export const silentJobLogger: JobLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

/** Used when the host passes no logger: job failures must never vanish silently. */
export function defaultJobLogger(): JobLogger {
  return pino({ name: 'warmpath-jobs' });
}

/** A logger that adds `bindings` (job name, id, attempt) to every line, like pino's `child()`. */
export function bindJobLogger(logger: JobLogger, bindings: Record<string, unknown>): JobLogger {
  return {
    debug: (obj, msg) => logger.debug({ ...bindings, ...obj }, msg),
    info: (obj, msg) => logger.info({ ...bindings, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...bindings, ...obj }, msg),
    error: (obj, msg) => logger.error({ ...bindings, ...obj }, msg),
  };
}

/** Turns anything thrown into something a log line and the outbox's last_error can carry. */
export function describeError(error: unknown): { message: string; name?: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
