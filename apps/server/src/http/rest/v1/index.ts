import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Runtime } from '../../../app/runtime.js';
import { registerApiKeyRateLimit } from '../../rate-limits.js';
import { registerUnstorableInputCheck } from '../../unstorable-input.js';
import { registerApiKeyAuth } from './api-key-auth.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { auditLogRoutes } from './audit-log.routes.js';
import { eventsRoutes } from './events.routes.js';
import { IDEMPOTENCY_KEY_HEADER, registerIdempotency } from './idempotency.js';
import { acceptOnlyStrictJson } from './json-body-parser.js';
import { documentErrorResponses } from './openapi-errors.js';
import { documentIdempotencyKey } from './openapi-idempotency.js';
import { participantsRoutes } from './participants.routes.js';
import { pluginSettingsRoutes } from './plugin-settings.routes.js';
import { problem, restErrorHandler, sendProblem } from './problem.js';
import { referralsRoutes } from './referrals.routes.js';
import { openApiComponents } from './schemas.js';
import { tracksRoutes } from './tracks.routes.js';
import { webhookEndpointsRoutes } from './webhook-endpoints.routes.js';

/**
 * The public REST API v1 (docs/api.md): zod-validated routes, API-key auth, problem+json errors and an OpenAPI 3.1
 * document at `/api/v1/openapi.json` with a browsable page at `/api/v1/docs`. Register with prefix `/api/v1`.
 */
export async function restV1(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  const componentsOf = createJsonSchemaTransformObject({ schemaRegistry: openApiComponents });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(restErrorHandler);
  acceptOnlyStrictJson(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, `No route ${request.method} ${request.url.split('?')[0]}`)),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Warmpath API',
        version: '1.0.0',
        description: 'Public REST API v1 of Warmpath, the self-hosted B2B referral platform.',
      },
      servers: [{ url: runtime.config.PUBLIC_URL }],
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key' } },
      },
      security: [{ apiKey: [] }],
    },
    // Schemas in openApiComponents become `$ref`s in the operations and entries of `components.schemas`.
    transform: createJsonSchemaTransform({ schemaRegistry: openApiComponents }),
    transformObject: (document) =>
      'openapiObject' in document
        ? documentErrorResponses(documentIdempotencyKey(componentsOf(document)))
        : document.swaggerObject,
  });
  // The docs page and its assets must be reachable without a key; mark swagger-ui's routes as they are added.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: true });

  registerApiKeyAuth(app, runtime);
  registerApiKeyRateLimit(app);
  // After authentication (a caller without a key learns nothing), before validation and the idempotency claim.
  registerUnstorableInputCheck(app, { headers: [IDEMPOTENCY_KEY_HEADER] });
  registerIdempotency(app, runtime);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await typed.register(tracksRoutes, { runtime });
  await typed.register(participantsRoutes, { runtime });
  await typed.register(referralsRoutes, { runtime });
  await typed.register(auditLogRoutes, { runtime });
  await typed.register(eventsRoutes, { runtime });
  await typed.register(webhookEndpointsRoutes, { runtime });
  await typed.register(apiKeysRoutes, { runtime });
  await typed.register(pluginSettingsRoutes, { runtime });
}
