import rateLimit from '@fastify/rate-limit';
import { RateLimitedError } from '@warmpath/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Runtime } from '../app/runtime.js';
import { MemoryRateLimitStore } from './memory-rate-limit-store.js';
import { problem, sendProblem } from './rest/v1/problem.js';

/**
 * What a limit counts:
 * - `sign-in`: password checks and link tokens exchanged for a session (staff and portal sign-in, accepting an
 *   invitation, resetting a password) — RATE_LIMIT_SIGN_IN_PER_MINUTE;
 * - `email-link`: requests that email a link (password reset, portal magic link, self-enrolment) —
 *   RATE_LIMIT_EMAIL_LINKS_PER_MINUTE.
 */
export type RateLimitCategory = 'sign-in' | 'email-link';

/** Where the counters live: Redis when REDIS_URL is set (shared by every pod), else this process's memory. */
interface SharedStore {
  redis?: Redis;
  nameSpace: string;
}

/** One counter check: whether the caller is over the limit, and for how long it will stay so. */
type Limiter = (
  request: FastifyRequest,
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Set up by {@link registerRateLimits}; read through {@link enforceRateLimit} and {@link sharedRateLimitStore}. */
    warmpathRateLimits: { store: SharedStore; limiters: Record<RateLimitCategory | 'api', Limiter> } | null;
  }
}

const MINUTE_MS = 60_000;
/** The counter key of a check: see {@link keyed}. */
const RATE_LIMIT_KEY = Symbol('warmpath.rateLimitKey');
type KeyedRequest = FastifyRequest & { [RATE_LIMIT_KEY]: string };

/**
 * Registers @fastify/rate-limit on the root (no global limit: each surface opts in) with its store, and the limiters
 * of {@link RateLimitCategory} and the REST API. Call before any route that uses them is registered. With Redis,
 * counting fails open when Redis is unreachable (`skipOnError`): an outage must not lock everyone out, and the
 * sign-in lock-out (in the database) still holds.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  runtime: Runtime,
  options: { nameSpace?: string | undefined } = {},
): Promise<void> {
  const { config, logger } = runtime;
  const nameSpace = options.nameSpace ?? 'warmpath:rate-limit:';
  let redis: Redis | undefined;
  if (config.REDIS_URL) {
    redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
    });
    let lastLoggedAt = 0;
    redis.on('error', (error: Error) => {
      if (Date.now() - lastLoggedAt < 30_000) return;
      lastLoggedAt = Date.now();
      logger.warn({ err: error }, 'Redis error (rate limits): limits are not enforced until it answers');
    });
    app.addHook('onClose', async () => {
      await redis?.quit().catch(() => redis?.disconnect());
    });
  }
  const store: SharedStore = redis ? { redis, nameSpace } : { nameSpace };
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    ...(redis ? { redis, nameSpace } : { store: MemoryRateLimitStore }),
  });
  const limiter = (max: number): Limiter =>
    app.createRateLimit({
      max,
      timeWindow: MINUTE_MS,
      keyGenerator: (request) => (request as KeyedRequest)[RATE_LIMIT_KEY],
    });
  app.decorate('warmpathRateLimits', {
    store,
    limiters: {
      'sign-in': limiter(config.RATE_LIMIT_SIGN_IN_PER_MINUTE),
      'email-link': limiter(config.RATE_LIMIT_EMAIL_LINKS_PER_MINUTE),
      api: limiter(config.RATE_LIMIT_API_PER_MINUTE),
    },
  });
}

/**
 * Counts one call of `procedure` (a tRPC path such as `auth.signIn`, or a route name) against its category's limit,
 * per client IP and, when given, per email. Over either limit it sets `Retry-After` and throws a `RateLimitedError`
 * (tRPC: TOO_MANY_REQUESTS, HTTP 429). Each procedure has its own counters, and each call in a tRPC batch counts.
 *
 * Use it first thing in a procedure: `await enforceRateLimit(ctx, 'sign-in', 'portal.auth.signIn', input.email)`.
 */
export async function enforceRateLimit(
  ctx: { req: FastifyRequest; res: FastifyReply },
  category: RateLimitCategory,
  procedure: string,
  email?: string,
): Promise<void> {
  const limits = ctx.req.server.warmpathRateLimits;
  if (!limits) return;
  const check = limits.limiters[category];
  const keys = [`${procedure}:ip:${ctx.req.ip}`];
  if (email !== undefined) keys.push(`${procedure}:email:${email.trim().toLowerCase()}`);
  let retryAfterSeconds = 0;
  for (const key of keys) {
    const result = await check(keyed(ctx.req, key));
    if (!result.isAllowed && result.isExceeded) {
      retryAfterSeconds = Math.max(retryAfterSeconds, result.ttlInSeconds ?? 60, 1);
    }
  }
  if (retryAfterSeconds > 0) {
    ctx.res.header('retry-after', String(retryAfterSeconds));
    throw new RateLimitedError(retryAfterSeconds);
  }
}

/**
 * Limits REST v1 per API key: a `preParsing` hook (after the key was checked, before the body is read) answering
 * 429 problem+json with `Retry-After` over RATE_LIMIT_API_PER_MINUTE. Register inside the v1 scope.
 */
export function registerApiKeyRateLimit(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, reply) => {
    const check = app.warmpathRateLimits?.limiters.api;
    if (!check || !request.apiKey) return;
    const result = await check(keyed(request, `api:key:${request.apiKey.id}`));
    if (result.isAllowed || !result.isExceeded) return;
    const retryAfterSeconds = Math.max(result.ttlInSeconds ?? 60, 1);
    reply.header('retry-after', String(retryAfterSeconds));
    return sendProblem(
      reply,
      problem(429, `This API key is over its limit; retry in ${retryAfterSeconds} s`),
    );
  });
}

/** The store options for a scope that registers @fastify/rate-limit itself (the conversions endpoint). */
export function sharedRateLimitStore(
  app: FastifyInstance,
  scope: string,
): { redis?: Redis; nameSpace?: string; skipOnError?: boolean } {
  const store = app.hasDecorator('warmpathRateLimits') ? app.warmpathRateLimits?.store : undefined;
  if (!store) return {};
  return store.redis
    ? { redis: store.redis, nameSpace: `${store.nameSpace}${scope}:`, skipOnError: true }
    : {};
}

/** The request with the counter key the limiters' key generator reads; the request itself is not changed. */
function keyed(request: FastifyRequest, key: string): FastifyRequest {
  return Object.create(request, { [RATE_LIMIT_KEY]: { value: key } });
}
