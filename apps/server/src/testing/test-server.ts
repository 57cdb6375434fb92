import { MemoryMailer } from '@warmpath/core';
import type { Database, DatabaseKind, Kysely } from '@warmpath/db';
import { createTestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { createBullMqQueue, createInProcessQueue, type JobQueue } from '@warmpath/jobs';
import { deleteRedisKeys, TEST_REDIS_URL, testQueueDrivers, uniqueRedisPrefix } from '@warmpath/jobs/testing';
import type { AnyWarmpathPlugin } from '@warmpath/plugin-sdk';
import type { FastifyInstance } from 'fastify';
import { bootstrap } from '../app/bootstrap.js';
import { buildApp } from '../app/build-app.js';
import { createLogger, type Logger } from '../app/logger.js';
import { createRuntime, type Runtime } from '../app/runtime.js';
import { loadConfig } from '../config/load-config.js';

/** A database + queue combination the server suites run on. */
export interface TestStack {
  name: string;
  database: DatabaseKind;
  queue: 'in-process' | 'bullmq';
}

/**
 * The stacks a deployment can run: embedded (PGlite + in-process jobs) and production (Postgres + BullMQ), the
 * latter when Postgres and Redis answer (required under CI=true).
 */
export async function testStacks(): Promise<TestStack[]> {
  const [databases, queues] = await Promise.all([testDatabaseKinds(), testQueueDrivers()]);
  const stacks: TestStack[] = [{ name: 'PGlite + in-process jobs', database: 'pglite', queue: 'in-process' }];
  if (databases.includes('postgres') && queues.includes('bullmq')) {
    stacks.push({ name: 'Postgres + BullMQ', database: 'postgres', queue: 'bullmq' });
  }
  return stacks;
}

export interface TestServer {
  app: FastifyInstance;
  runtime: Runtime;
  /** Staff credentials created for the test. */
  owner: { email: string; password: string };
  /** An API key with every scope. */
  apiKey: string;
  /** Every email the server sent. */
  mail: MemoryMailer;
  close(): Promise<void>;
}

export interface TestServerOptions {
  stack?: TestStack;
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  plugins?: readonly AnyWarmpathPlugin[];
  /** Runs against the fresh database before the runtime boots (seed stored plugin settings, say). */
  beforeBoot?: (db: Kysely<Database>) => Promise<void>;
  /** The logger of the server and its queue (to capture log lines); by default a silent one from the config. */
  logger?: Logger;
}

const OWNER = { email: 'owner@test.warmpath.local', password: 'correct horse battery staple' };
export const TEST_SECRET_KEY = 'test-secret-key-test-secret-key-0123456789';

/**
 * Boots the real server in-process (Backstage's `startTestBackend` in spirit): a fresh isolated database, a queue
 * with its own Redis prefix, real plugins, an owner and an all-scopes API key. Drive it with `app.inject()`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const stack = options.stack ?? {
    name: 'PGlite + in-process jobs',
    database: 'pglite',
    queue: 'in-process',
  };
  const apiKey = `wp_test_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const database = await createTestDatabase(stack.database);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    // As in production: the Postgres stack names its database (the click writer thread connects to it itself).
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    // A writer thread per test server would cost each suite a thread start; the click suites ask for one.
    CLICK_WRITER: 'inline',
    PUBLIC_URL: 'http://localhost:3000',
    WARMPATH_SECRET_KEY: TEST_SECRET_KEY,
    WARMPATH_DEMO: 'false',
    WARMPATH_ADMIN_EMAIL: OWNER.email,
    WARMPATH_ADMIN_PASSWORD: OWNER.password,
    WARMPATH_BOOTSTRAP_API_KEY: apiKey,
    // Suites deliver webhooks to receivers on loopback; the SSRF suite turns this off.
    WARMPATH_ALLOW_PRIVATE_WEBHOOKS: 'true',
    // Suites sign in and call the API far more often than a person; the rate-limit suites set their own limits.
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '10000',
    RATE_LIMIT_EMAIL_LINKS_PER_MINUTE: '10000',
    RATE_LIMIT_API_PER_MINUTE: '100000',
    RATE_LIMIT_API_AUTH_FAILURES_PER_MINUTE: '100000',
    ...(stack.queue === 'bullmq' ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...options.env,
  });
  await options.beforeBoot?.(database.db);
  const prefix = uniqueRedisPrefix('server');
  const logger = options.logger ?? createLogger(config);
  const queue: JobQueue =
    stack.queue === 'bullmq'
      ? createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger })
      : createInProcessQueue({ logger });
  const mail = new MemoryMailer();
  let runtime: Runtime;
  try {
    runtime = await createRuntime({
      config,
      logger,
      mailer: mail,
      database,
      queue,
      // Webhook retries in milliseconds, not minutes, so suites can watch a retry and a final failure.
      webhookRetry: { attempts: 3, backoffMs: 50 },
      ...(options.plugins ? { extraPlugins: options.plugins } : {}),
    });
  } catch (error) {
    await queue.stop().catch(() => {});
    if (stack.queue === 'bullmq') await deleteRedisKeys(TEST_REDIS_URL, prefix);
    throw error;
  }
  await bootstrap(runtime);
  // Rate-limit counters under the queue's prefix: isolated per server, and deleted with its keys on close.
  const app = await buildApp(runtime, { rateLimitNameSpace: `${prefix}:rate-limit:` });
  await app.ready();
  await runtime.start();
  return {
    app,
    runtime,
    owner: OWNER,
    apiKey,
    mail,
    async close() {
      await app.close();
      await runtime.close();
      if (stack.queue === 'bullmq') await deleteRedisKeys(TEST_REDIS_URL, prefix);
    },
  };
}
