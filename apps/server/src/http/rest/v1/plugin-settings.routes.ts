import {
  pluginInstanceEnabledBodySchema,
  pluginInstanceEnabledSchema,
  pluginInstanceSettingsSchema,
  pluginSettingsPatchSchema,
  updatedPluginInstanceSettingsSchema,
} from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  readInstanceSettings,
  setInstanceEnabled,
  updateInstanceSettings,
} from '../../../app/plugins/instance-settings.js';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyAuditContext } from './audit-context.js';
import { errorResponses, problemSchema } from './schemas.js';

const instanceParams = z.object({
  id: z.string().min(1).max(100).describe('The plugin id.'),
  instance: z
    .string()
    .min(1)
    .max(100)
    .describe('The instance name, `default` unless several are configured.'),
});

/**
 * `/api/v1/plugins/{id}/instances/{instance}/settings` (docs/api.md "Plugin settings"): a plugin instance's settings
 * without the console, for configuration as code. Same rules as the console: secrets write-only, values checked by
 * the plugin's own schema, every change audited.
 */
export const pluginSettingsRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.get(
    '/plugins/:id/instances/:instance/settings',
    {
      config: { scope: 'plugins:read' },
      schema: {
        tags: ['plugins'],
        summary: "Get a plugin instance's settings",
        description: 'Secrets are never returned: each one is `{ "set": true|false }`.',
        params: instanceParams,
        response: { 200: pluginInstanceSettingsSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) => readInstanceSettings(runtime, request.params.id, request.params.instance),
  );

  app.put(
    '/plugins/:id/instances/:instance/settings',
    {
      config: { scope: 'plugins:write' },
      schema: {
        tags: ['plugins'],
        summary: "Change a plugin instance's settings",
        description:
          'A merge patch of the stored settings, validated by the plugin (a refused value is a 400 naming the ' +
          'field, and nothing is saved). Sending what is stored writes nothing. Every running server applies it ' +
          'within seconds, without a restart.',
        params: instanceParams,
        body: pluginSettingsPatchSchema,
        response: { 200: updatedPluginInstanceSettingsSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateInstanceSettings(
        runtime,
        request.params.id,
        request.params.instance,
        request.body,
        apiKeyAuditContext(request),
      ),
  );

  app.put(
    '/plugins/:id/instances/:instance/enabled',
    {
      config: { scope: 'plugins:write' },
      schema: {
        tags: ['plugins'],
        summary: 'Turn a plugin instance on or off',
        description:
          'Audited. Every running server follows within seconds: a disabled instance stops answering its routes and ' +
          'webhooks. Setting what is already set writes nothing.',
        params: instanceParams,
        body: pluginInstanceEnabledBodySchema,
        response: { 200: pluginInstanceEnabledSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) =>
      setInstanceEnabled(
        runtime,
        request.params.id,
        request.params.instance,
        request.body.enabled,
        apiKeyAuditContext(request),
      ),
  );
};
