import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { RateLimitedError } from '@warmpath/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Runtime } from '../app/runtime.js';
import { type RateLimitBackend, RedisOutage, SharedRateLimitStore } from './rate-limit-store.js';
import { problem, sendProblem } from './rest/v1/problem.js';

/**
 * What a limit counts:
 * - `sign-in`: password checks and link tokens exchanged for a session (staff and portal sign-in, accepting an
 *   invitation, resetting a password) — RATE_LIMIT_SIGN_IN_PER_MINUTE;
 * - `email-link`: requests that email a link (password reset, portal magic link, self-enrolment) —
 *   RATE_LIMIT_EMAIL_LINKS_PER_MINUTE.
 */
export type RateLimitCategory = 'sign-in' | 'email-link';

/**
 * One counter check: whether the caller is over the limit, how many calls it has left and for how long. With
 * `{ increment: false }` it only reads the counter.
 */
type Limiter = (
  request: FastifyRequest,
  options?: { increment?: boolean },
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; remaining?: number; ttlInSeconds?: number }>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Set up by {@link registerRateLimits}; read through {@link enforceRateLimit} and {@link sharedRateLimitStore}. */
    warmpathRateLimits: {
      backend: RateLimitBackend;
      limiters: Record<RateLimitCategory | 'api' | 'api-auth-failure', Limiter>;
    } | null;
  }
}

const MINUTE_MS = 60_000;
/** The counter key of a check: see {@link keyed}. */
const RATE_LIMIT_KEY = Symbol('warmpath.rateLimitKey');
type KeyedRequest = FastifyRequest & { [RATE_LIMIT_KEY]: string };

/**
 * Registers @fastify/rate-limit on the root (no global limit: each surface opts in) with its store, and the limiters
 * of {@link RateLimitCategory} and the REST API. Call before any route that uses them is registered. With Redis,
 * counters are shared by every pod; while Redis is unreachable each process counts in memory (see
 * {@link SharedRateLimitStore}), so limits never fail open.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  runtime: Runtime,
  options: { nameSpace?: string | undefined } = {},
): Promise<void> {
  const { config, logger } = runtime;
  const nameSpace = options.nameSpace ?? 'warmpath:rate-limit:';
  const backend: RateLimitBackend = {};
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, {
      // A command while disconnected fails at once (and is counted in memory) instead of waiting in a queue, and a
      // Redis that accepts connections but does not answer costs a request one second at most.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      commandTimeout: 1000,
    });
    const outage = new RedisOutage(logger);
    redis.on('error', (error: Error) => outage.failed(error));
    redis.on('ready', () => outage.answered());
    app.addHook('onClose', async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    });
    backend.redis = { client: redis, keyPrefix: nameSpace, outage };
  }
  await app.register(rateLimit, { global: false, store: storeClass(backend) });
  const limiter = (max: number): Limiter =>
    app.createRateLimit({
      max,
      timeWindow: MINUTE_MS,
      keyGenerator: (request) => (request as KeyedRequest)[RATE_LIMIT_KEY],
    });
  app.decorate('warmpathRateLimits', {
    backend,
    limiters: {
      'sign-in': limiter(config.RATE_LIMIT_SIGN_IN_PER_MINUTE),
      'email-link': limiter(config.RATE_LIMIT_EMAIL_LINKS_PER_MINUTE),
      api: limiter(config.RATE_LIMIT_API_PER_MINUTE),
      'api-auth-failure': limiter(config.RATE_LIMIT_API_AUTH_FAILURES_PER_MINUTE),
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
  const keys = [`${procedure}:ip:${clientAddressKey(ctx.req.ip)}`];
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

/**
 * Seconds until REST v1 looks up API keys from `request`'s client IP again: 0 while the IP has failed to
 * authenticate fewer than RATE_LIMIT_API_AUTH_FAILURES_PER_MINUTE times this minute. Reads the counter only, so a
 * refused request does not extend the wait; {@link countApiAuthFailure} counts.
 */
export async function apiAuthFailureWait(request: FastifyRequest): Promise<number> {
  const check = request.server.warmpathRateLimits?.limiters['api-auth-failure'];
  if (!check) return 0;
  const result = await check(keyed(request, apiAuthFailureKey(request)), { increment: false });
  // The failures used the whole allowance: the next one would be over it.
  return !result.isAllowed && result.remaining === 0 ? Math.max(result.ttlInSeconds ?? 60, 1) : 0;
}

/** Counts one failed API key authentication (missing, unknown or revoked key) against `request`'s client IP. */
export async function countApiAuthFailure(request: FastifyRequest): Promise<void> {
  await request.server.warmpathRateLimits?.limiters['api-auth-failure'](
    keyed(request, apiAuthFailureKey(request)),
  );
}

function apiAuthFailureKey(request: FastifyRequest): string {
  return `api-auth-failure:ip:${clientAddressKey(request.ip)}`;
}

/**
 * The part of a client IP that per-IP counters key on: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber or host usually holds a whole /64, so counting single addresses would let it rotate through 2^64 of
 * them), an IPv4-mapped IPv6 address as the IPv4 address.
 */
export function clientAddressKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const [address = ''] = ip.toLowerCase().split('%');
  const [head = '', tail] = address.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...front, ...Array<string>(Math.max(8 - front.length - back.length, 0)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The store option for a scope that registers @fastify/rate-limit itself (the conversions endpoint): the same
 * Redis connection and memory fallback as every other limit, its keys under `scope`.
 */
export function sharedRateLimitStore(
  app: FastifyInstance,
  scope: string,
): { store: FastifyRateLimitStoreCtor } {
  const backend = app.hasDecorator('warmpathRateLimits') ? app.warmpathRateLimits?.backend : undefined;
  const redis = backend?.redis;
  return {
    store: storeClass(redis ? { redis: { ...redis, keyPrefix: `${redis.keyPrefix}${scope}:` } } : {}),
  };
}

/** @fastify/rate-limit constructs its store itself (`new options.store(globalParams)`): a class bound to `backend`. */
function storeClass(backend: RateLimitBackend): FastifyRateLimitStoreCtor {
  return class extends SharedRateLimitStore {
    constructor() {
      super(backend);
    }
  };
}

/** The request with the counter key the limiters' key generator reads; the request itself is not changed. */
function keyed(request: FastifyRequest, key: string): FastifyRequest {
  return Object.create(request, { [RATE_LIMIT_KEY]: { value: key } });
}
