import { configSchema, type RawConfig } from './config.schema.js';

/** The parsed configuration the rest of the server uses. */
export interface Config extends Omit<RawConfig, 'PUBLIC_URL' | 'WARMPATH_DEMO'> {
  PUBLIC_URL: string;
  WARMPATH_DEMO: boolean;
  /** True when no DATABASE_URL is set: PGlite + (unless REDIS_URL) in-process jobs. */
  embedded: boolean;
}

/** A configuration problem that must stop the boot; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at boot. Unknown variables are ignored; bad values throw {@link ConfigError}. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PUBLIC_URL=` in an .env file) means "not set", as for most twelve-factor apps.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const raw = parsed.data;
  const problems: { variable: string; message: string }[] = [];
  if (Boolean(raw.WARMPATH_ADMIN_EMAIL) !== Boolean(raw.WARMPATH_ADMIN_PASSWORD)) {
    problems.push({
      variable: raw.WARMPATH_ADMIN_EMAIL ? 'WARMPATH_ADMIN_PASSWORD' : 'WARMPATH_ADMIN_EMAIL',
      message: 'WARMPATH_ADMIN_EMAIL and WARMPATH_ADMIN_PASSWORD must be set together',
    });
  }
  if (raw.DATABASE_URL && !raw.WARMPATH_SECRET_KEY) {
    problems.push({
      variable: 'WARMPATH_SECRET_KEY',
      message:
        'required when DATABASE_URL is set (every pod must share the key that encrypts plugin secrets)',
    });
  }
  if (raw.MODE !== 'all' && (!raw.DATABASE_URL || !raw.REDIS_URL)) {
    problems.push({
      variable: 'MODE',
      message: `MODE=${raw.MODE} splits API and worker processes, which share work through Postgres and Redis: set DATABASE_URL and REDIS_URL`,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const embedded = !raw.DATABASE_URL;
  return {
    ...raw,
    PUBLIC_URL: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    WARMPATH_DEMO: env.WARMPATH_DEMO === undefined || env.WARMPATH_DEMO === '' ? embedded : raw.WARMPATH_DEMO,
    embedded,
  };
}
