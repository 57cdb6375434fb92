import pino, { type Logger } from 'pino';
import type { Config } from '../config/load-config.js';

/**
 * Paths pino blanks out in every log line: credentials must never reach logs, whatever a handler logs.
 * Request/response serializers log headers, so the auth and cookie headers are listed explicitly.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.key',
  'password',
  'token',
  'secret',
];

/** A logger to stdout, or to `destination` (one-shot CLI commands log to stderr: their stdout is their answer). */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  destination?: pino.DestinationStream,
): Logger {
  const options = { level: config.LOG_LEVEL, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
