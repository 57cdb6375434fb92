// Test helpers of the engine suites (apps/server/src/app/engines): a runtime that can be stopped and started again
// on the same database and queue, and plugins whose CRM connector and reward provider a test can make throw, hang
// or answer junk.
import type { Database, Kysely } from '@warmpath/db';
import { createTestDatabase, type TestDatabase } from '@warmpath/db/testing';
import { createBullMqQueue, createInProcessQueue, type JobQueue, type RetryPolicy } from '@warmpath/jobs';
import { deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix, waitFor } from '@warmpath/jobs/testing';
import {
  type AnyWarmpathPlugin,
  type CoreServices,
  type CrmChange,
  definePlugin,
  type RewardDeliveryStatus,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { createLogger } from '../app/logger.js';
import { createRuntime, type Runtime } from '../app/runtime.js';
import { loadConfig } from '../config/load-config.js';
import { TEST_SECRET_KEY, type TestStack } from './test-server.js';

/** How a fake plugin method behaves on its next calls. */
export type FakeBehaviour = 'ok' | 'throw' | 'hang' | 'junk';

/** Short enough for fast suites, long enough for a slow CI machine to answer an `ok` call. */
export const TEST_PLUGIN_TIMEOUT_MS = 300;

/** A runtime over a database and queue that outlive it, so a test can stop it mid-failure and start it again. */
export interface EngineHarness {
  readonly runtime: Runtime;
  readonly db: Kysely<Database>;
  /** Stops the runtime (its queue and dispatcher) and starts a new one on the same database and Redis prefix. */
  restart(): Promise<void>;
  /** Seeds a track, a participant and a referral; returns the referral id. */
  submitReferral(domain: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts a runtime with `plugins` on `stack`, with millisecond back-offs and a short plugin call timeout. */
export async function startEngineHarness(
  stack: TestStack,
  plugins: readonly AnyWarmpathPlugin[],
  options: { retry?: Partial<RetryPolicy> } = {},
): Promise<EngineHarness> {
  const database: TestDatabase = await createTestDatabase(stack.database);
  // The runtime closes the database it is given; this one outlives runtimes, so it closes only with the harness.
  const shared = { ...database, close: async () => {} };
  const prefix = uniqueRedisPrefix('engines');
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    CLICK_WRITER: 'inline',
    PUBLIC_URL: 'http://localhost:3000',
    WARMPATH_SECRET_KEY: TEST_SECRET_KEY,
    WARMPATH_DEMO: 'false',
    ...(stack.queue === 'bullmq' ? { REDIS_URL: TEST_REDIS_URL } : {}),
  });
  const logger = createLogger(config);
  const boot = async (): Promise<Runtime> => {
    const queue: JobQueue =
      stack.queue === 'bullmq'
        ? createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger })
        : createInProcessQueue({ logger });
    const runtime = await createRuntime({
      config,
      logger,
      database: shared,
      queue,
      extraPlugins: plugins,
      engineRetry: { attempts: 3, backoffMs: 30, ...options.retry },
      pluginCallTimeoutMs: TEST_PLUGIN_TIMEOUT_MS,
    });
    await runtime.start();
    return runtime;
  };
  let runtime = await boot();
  let trackSlug: string | undefined;
  return {
    get runtime() {
      return runtime;
    },
    db: database.db,
    async restart() {
      await runtime.close();
      runtime = await boot();
    },
    async submitReferral(domain) {
      const services = runtime.services;
      if (!trackSlug) {
        trackSlug = 'engines';
        await services.tracks.create({
          slug: trackSlug,
          name: 'Engines',
          kind: 'partner',
          landingUrl: 'https://example.com/refer',
          autoAccept: true,
        });
      }
      const { participant } = await services.participants.enroll({
        email: `ref-${domain}@partner.example`,
        name: 'Pat Partner',
        tracks: [trackSlug],
      });
      const referral = await services.referrals.submit({
        track: trackSlug,
        participantId: participant.id,
        company: { name: `Company ${domain}`, domain },
        contacts: [{ name: 'Uma Buyer', email: `uma@${domain}`, role: 'champion' }],
      });
      return referral.id;
    },
    async close() {
      await runtime.close();
      await database.close();
      if (stack.queue === 'bullmq') await deleteRedisKeys(TEST_REDIS_URL, prefix);
    },
  };
}

/** Waits for a condition the background jobs bring about (outbox dispatch polls once a second). */
export function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 8000): Promise<T> {
  let value: T | undefined;
  return waitFor(
    async () => {
      const result = await check();
      if (result === undefined || result === false) return false;
      value = result;
      return true;
    },
    { timeoutMs, intervalMs: 50 },
  ).then(() => value as T);
}

/** What a test sees of, and sets for, the fake CRM. */
export interface CrmProbe {
  /** Behaviour of `upsertReferral`, by the company's domain and the call's number for that referral (1, 2…). */
  pushBehaviour: (domain: string, call: number) => FakeBehaviour;
  /** Behaviour of `pullChanges`. */
  pullBehaviour: FakeBehaviour;
  /** Calls of `upsertReferral`, by referral id. */
  upserts: string[];
  /** The CRM's change log, read two at a time by `pullChanges` (the cursor is an index into it). */
  feed: CrmChange[];
  /** The plugin's `ctx.services`, once registered. */
  services?: CoreServices;
}

/** A plugin `test-crm` with one connector (`crm:test-crm:default:main`) driven by {@link CrmProbe}. */
export function createTestCrmPlugin(probe: CrmProbe): AnyWarmpathPlugin {
  const misbehave = async (behaviour: FakeBehaviour): Promise<unknown> => {
    if (behaviour === 'throw') throw new Error('CRM answered 503 Service Unavailable');
    if (behaviour === 'hang') return new Promise(() => {});
    return { nonsense: true };
  };
  return definePlugin({
    id: 'test-crm',
    version: '1.0.0',
    sdk: '^1',
    configSchema: z.object({}),
    settingsSchema: z.object({}),
    register(ctx) {
      probe.services = ctx.services;
      ctx.crm.add('main', () => ({
        apiVersion: 1,
        verifyConnection: async () => ({ ok: true }),
        async upsertReferral(referral, company, contacts) {
          probe.upserts.push(referral.id);
          const call = probe.upserts.filter((id) => id === referral.id).length;
          const behaviour = probe.pushBehaviour(company.domain, call);
          // A plugin answering junk breaks its contract; the host validates what it gets.
          if (behaviour !== 'ok') return (await misbehave(behaviour)) as never;
          return {
            referral: { system: 'test', object: 'Lead', id: `lead-${referral.id}` },
            company: { system: 'test', object: 'Account', id: `account-${company.id}` },
            contacts: contacts.map((contact) => ({
              contactId: contact.id,
              ref: { system: 'test', object: 'Contact', id: `contact-${contact.id}` },
            })),
          };
        },
        async pullChanges(since) {
          if (probe.pullBehaviour !== 'ok') return (await misbehave(probe.pullBehaviour)) as never;
          const start = since === null ? 0 : Number(since);
          const end = Math.min(start + 2, probe.feed.length);
          return {
            changes: probe.feed.slice(start, end),
            cursor: String(end),
            hasMore: end < probe.feed.length,
          };
        },
      }));
    },
  });
}

/** What a test sees of, and sets for, the fake reward provider. */
export interface RewardProbe {
  /** Behaviour of `issue()`, by idempotency key and the call's number for that key (1, 2…). */
  issueBehaviour: (idempotencyKey: string, call: number) => FakeBehaviour;
  /** Idempotency keys of every `issue()` call, in order. */
  issued: string[];
  /** Orders paid, by idempotency key (a repeat with the same key returns the same order). */
  orders: Map<string, string>;
  /** What `status(ref)` answers. */
  status: RewardDeliveryStatus;
  /** The plugin's `ctx.services`, once registered. */
  services?: CoreServices;
}

/** A plugin `test-rewards` with one provider (`rewards:test-rewards:default:main`) driven by {@link RewardProbe}. */
export function createTestRewardsPlugin(probe: RewardProbe): AnyWarmpathPlugin {
  return definePlugin({
    id: 'test-rewards',
    version: '1.0.0',
    sdk: '^1',
    configSchema: z.object({}),
    settingsSchema: z.object({}),
    register(ctx) {
      probe.services = ctx.services;
      ctx.rewards.add('main', () => ({
        apiVersion: 1,
        verifyConnection: async () => ({ ok: true }),
        catalog: async () => [],
        async issue(request) {
          probe.issued.push(request.idempotencyKey);
          const call = probe.issued.filter((key) => key === request.idempotencyKey).length;
          const behaviour = probe.issueBehaviour(request.idempotencyKey, call);
          // The provider pays before it fails to answer: the retry must not pay again.
          const ref = probe.orders.get(request.idempotencyKey) ?? `order-${probe.orders.size + 1}`;
          probe.orders.set(request.idempotencyKey, ref);
          if (behaviour === 'throw') throw new Error('Provider answered 502 Bad Gateway');
          if (behaviour === 'hang') return new Promise(() => {});
          if (behaviour === 'junk') return { reference: ref } as never;
          return { ref, status: 'processing' };
        },
        status: async (ref) => ({ ref, status: probe.status }),
      }));
    },
  });
}
