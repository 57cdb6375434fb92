import { z } from 'zod';
import { parseTrustProxy } from './trust-proxy.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable Warmpath reads, with its default and meaning. This schema is the single source:
 * it parses the environment at boot and generates the table in docs/configuration.md.
 */
export const configSchema = z.object({
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('TCP port the HTTP server listens on.'),
  HOST: z.string().default('0.0.0.0').describe('Interface to bind; `127.0.0.1` keeps it local.'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      'Public base URL (used in referral links, emails, cookies). Defaults to `http://localhost:PORT`.',
    ),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const setting = parseTrustProxy(value);
      if ('problem' in setting) {
        ctx.addIssue({ code: 'custom', message: setting.problem });
        return z.NEVER;
      }
      return setting;
    })
    .describe(
      'Which proxies in front of Warmpath to believe about the client IP (`X-Forwarded-For`, also `X-Forwarded-Proto` and `-Host`), used by per-IP rate limits, fraud signals and the audit log. Unset (or `false`, `0`): none, the TCP peer is the client. A number N: the N nearest proxies, whatever their address (only when nothing but those proxies can reach Warmpath). Otherwise a comma-separated list of proxy IP addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`), or `loopback`, `linklocal`, `uniquelocal`. `true` is refused: it would believe any client.',
    ),
  DATABASE_URL: optionalString
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional())
    .describe('Postgres connection URL. Unset: embedded PGlite stored in `WARMPATH_DATA_DIR`.'),
  CLICK_WRITER: z
    .enum(['auto', 'thread', 'inline'])
    .default('auto')
    .describe(
      'Where referral-link clicks are turned into rows and written: `thread` (a worker thread with its own Postgres connection, off the event loop that answers redirects), `inline` (the request thread), or `auto` (`thread` with `DATABASE_URL`, else `inline`).',
    ),
  REDIS_URL: optionalString
    .pipe(z.url({ protocol: /^rediss?$/ }).optional())
    .describe(
      'Redis URL for the BullMQ job queue and the rate-limit counters every pod shares. Unset: in-process jobs and per-process counters.',
    ),
  MAIL_FROM: z
    .string()
    .default('Warmpath <no-reply@localhost>')
    .describe('Sender of every email Warmpath sends.'),
  WARMPATH_DATA_DIR: z
    .string()
    .default('./.warmpath')
    .describe('Where embedded mode keeps its database and generated secret key.'),
  WARMPATH_SECRET_KEY: optionalString
    .pipe(z.string().min(32, 'must be at least 32 characters').optional())
    .describe(
      'Key that encrypts plugin secrets (32+ characters). Generated into the data dir in embedded mode; required with `DATABASE_URL`.',
    ),
  WARMPATH_PLUGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .describe('Comma-separated extra plugins to load: package names or paths.'),
  WARMPATH_PLUGIN_CONFIG: z
    .string()
    .default('{}')
    .transform((value, ctx) => {
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
          return parsed as Record<string, unknown>;
        }
      } catch {}
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object keyed by plugin id' });
      return z.NEVER;
    })
    .describe(
      'Deploy-time plugin config as JSON keyed by plugin id, e.g. `{"acme-erp":{"baseUrl":"https://erp.internal"}}`; each plugin validates its own part, and a key that is no loaded plugin\'s id stops the boot.',
    ),
  MODE: z
    .enum(['all', 'api', 'worker'])
    .default('all')
    .describe(
      '`all` serves HTTP and runs jobs; `api` only HTTP; `worker` only jobs (plus health endpoints).',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level.'),
  METRICS_TOKEN: optionalString
    .pipe(z.string().min(16, 'must be at least 16 characters').optional())
    .describe(
      'When set, `/metrics` answers only requests with `Authorization: Bearer <token>` (Prometheus `authorization`). Unset: open; block it at the proxy.',
    ),
  SMTP_URL: optionalString
    .pipe(z.url({ protocol: /^smtps?$/ }).optional())
    .describe('SMTP server for email (`smtp://user:pass@host:587`). Unset: emails are written to the log.'),
  WARMPATH_BOOTSTRAP_API_KEY: optionalString
    .pipe(z.string().min(24, 'must be at least 24 characters').optional())
    .describe('Ensures an API key with every scope equal to this value (automation, CI).'),
  WARMPATH_ADMIN_EMAIL: optionalString
    .pipe(z.email().optional())
    .describe('With `WARMPATH_ADMIN_PASSWORD`, ensures an owner account with these credentials at boot.'),
  WARMPATH_ADMIN_PASSWORD: optionalString
    .pipe(z.string().min(10, 'must be at least 10 characters').optional())
    .describe('Password of the bootstrap owner (10+ characters).'),
  WARMPATH_SIGN_IN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(5)
    .describe(
      'Consecutive failed sign-ins for one email within 15 minutes that lock it out for 15 minutes; console and portal count theirs apart.',
    ),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe(
      'Sign-in attempts per minute, counted per client IP and per email: staff and portal sign-in, accepting an invitation, resetting a password.',
    ),
  RATE_LIMIT_EMAIL_LINKS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      'Requests that email a link (password reset, portal magic link, self-enrolment), per minute, per client IP and per email.',
    ),
  RATE_LIMIT_CONVERSIONS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe('`POST /t/conversions` requests per minute per client IP.'),
  RATE_LIMIT_API_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(600)
    .describe('REST API v1 requests per minute per API key.'),
  RATE_LIMIT_API_AUTH_FAILURES_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe(
      'REST API v1 requests with a missing, unknown or revoked API key per minute per client IP; past it, requests from that IP get 429 without their key being looked up until the minute ends.',
    ),
  WARMPATH_ALLOW_PRIVATE_WEBHOOKS: booleanString.describe(
    'Allow webhook endpoints whose host resolves to a loopback, private or link-local address (off: such URLs are refused when saved and before each delivery, against SSRF). Turn on for receivers inside your network.',
  ),
  WARMPATH_SALES_OWN_REFERRALS_ONLY: booleanString.describe(
    'Keep staff with the `sales` role to the referrals assigned to them: moving any other referral in the console is refused. Other roles and API keys are not affected. Off: sales may move any referral.',
  ),
  WARMPATH_DEMO: booleanString.describe(
    'Seed the demo program (tracks Clients, Partners, Employees) on an empty database, with two months of made-up referrers, referrals and clicks in it. Defaults to on in embedded mode.',
  ),
});

export type RawConfig = z.infer<typeof configSchema>;
