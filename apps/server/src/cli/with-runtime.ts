import pino from 'pino';
import { createLogger } from '../app/logger.js';
import { createRuntime, type Runtime } from '../app/runtime.js';
import { ConfigError, loadConfig } from '../config/load-config.js';

/** Prints a boot-stopping problem without a stack trace (config errors are the operator's to fix) and exits 1. */
export function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`warmpath: ${message}\n`);
  if (!(error instanceof ConfigError) && error instanceof Error && process.env.LOG_LEVEL === 'debug') {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
}

/** Runs a one-shot command against a runtime (database migrated, plugins loaded), then closes it. */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  let runtime: Runtime | undefined;
  try {
    const config = loadConfig();
    // Logs to stderr, so what a command prints (settings as JSON, a new API key) can be piped as it is.
    const logger = createLogger({ LOG_LEVEL: 'warn' }, pino.destination({ fd: 2, sync: true }));
    runtime = await createRuntime({ config, logger });
    const result = await work(runtime);
    await runtime.close();
    return result;
  } catch (error) {
    await runtime?.close().catch(() => {});
    return fail(error);
  }
}
