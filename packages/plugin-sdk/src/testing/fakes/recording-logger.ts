import type { LogBindings, Logger } from '../../ports/logger.js';

/** A log level of {@link Logger}. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** One recorded log line. */
export interface LogEntry {
  level: LogLevel;
  message: string | undefined;
  /** The child bindings merged with the fields of the call. */
  fields: LogBindings;
}

/** A logger that keeps every line in memory; children share the parent's entries. */
export class RecordingLogger implements Logger {
  readonly trace = this.method('trace');
  readonly debug = this.method('debug');
  readonly info = this.method('info');
  readonly warn = this.method('warn');
  readonly error = this.method('error');
  readonly fatal = this.method('fatal');

  /** @param entries shared with children; @param bindings added to every line. */
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: LogBindings = {},
  ) {}

  child(bindings: LogBindings): RecordingLogger {
    return new RecordingLogger(this.entries, { ...this.bindings, ...bindings });
  }

  /** Entries at `level` (all when absent) whose message contains `text` (any when absent). */
  find(level?: LogLevel, text?: string): LogEntry[] {
    return this.entries.filter(
      (entry) => (!level || entry.level === level) && (!text || entry.message?.includes(text)),
    );
  }

  private method(level: LogLevel) {
    return (first: string | LogBindings, message?: string): void => {
      const fields = typeof first === 'string' ? { ...this.bindings } : { ...this.bindings, ...first };
      this.entries.push({ level, message: typeof first === 'string' ? first : message, fields });
    };
  }
}
