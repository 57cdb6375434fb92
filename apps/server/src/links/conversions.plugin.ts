import rateLimit from '@fastify/rate-limit';
import { recordTrackedConversion, trackedConversionInputSchema } from '@warmpath/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../app/runtime.js';
import { sharedRateLimitStore } from '../http/rate-limits.js';
import { acceptOnlyStrictJson } from '../http/rest/v1/json-body-parser.js';
import { restErrorHandler } from '../http/rest/v1/problem.js';
import { registerUnstorableInputCheck } from '../http/unstorable-input.js';
import type { CachedLink } from './cached-link.js';
import type { LinkCache } from './link-cache.js';

/** Options of {@link conversionsPlugin}. */
export interface ConversionsPluginOptions {
  runtime: Runtime;
  links: LinkCache<CachedLink>;
  /** Conversions accepted per client IP per minute. */
  ratePerMinute: number;
}

const CONVERSION_BODY_LIMIT_BYTES = 16 * 1024;

const conversionAnswerSchema = z.object({
  /** False when the link code is unknown: nothing was recorded. */
  accepted: z.boolean(),
  /** True when this conversion id was recorded before (a retry): nothing new was recorded. */
  duplicate: z.boolean(),
});

// Any site may report conversions (the customer's own pages embed the script), but never with credentials: the
// answer carries no cookie-based state, so `*` without Allow-Credentials is the safe, cache-friendly choice.
function allowAnyOrigin(reply: FastifyReply) {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-expose-headers', 'retry-after');
  reply.header('cross-origin-resource-policy', 'cross-origin');
}

/**
 * `POST /t/conversions`: public, CORS-open, rate-limited per IP; records a tracking-script conversion as an event
 * (source `tracking-script`, idempotent by the browser's id). Encapsulated: its strict JSON parser, zod validation,
 * problem+json errors and rate limit apply to these routes only.
 */
export async function conversionsPlugin(app: FastifyInstance, options: ConversionsPluginOptions) {
  const { runtime, links } = options;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(restErrorHandler);
  acceptOnlyStrictJson(app);
  registerUnstorableInputCheck(app);
  // Before the rate limiter, so a 429 can be read by the page too.
  app.addHook('onRequest', async (_request, reply) => allowAnyOrigin(reply));
  // In Redis when REDIS_URL is set, so the limit holds across pods (in memory while Redis does not answer).
  await app.register(rateLimit, {
    max: options.ratePerMinute,
    timeWindow: 60_000,
    ...sharedRateLimitStore(app, 'conversions'),
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.options('/t/conversions', { config: { rateLimit: false } }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400')
      .send(),
  );
  typed.post(
    '/t/conversions',
    {
      bodyLimit: CONVERSION_BODY_LIMIT_BYTES,
      schema: { body: trackedConversionInputSchema, response: { 202: conversionAnswerSchema } },
    },
    async (request, reply) => {
      const link = await links.get(request.body.ref);
      if (link === undefined) return reply.code(202).send({ accepted: false, duplicate: false });
      const { isDuplicate } = await recordTrackedConversion(runtime.database.db, {
        input: request.body,
        link: link.target,
        now: runtime.clock.now(),
      });
      return reply.code(202).send({ accepted: true, duplicate: isDuplicate });
    },
  );
}
