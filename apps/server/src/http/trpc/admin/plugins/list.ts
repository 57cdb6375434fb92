import { staffProcedure } from '../../trpc.js';

/**
 * Installed plugins: version, instances (state, problems, what they registered), the extension points they
 * implement, the settings form's JSON Schema, each instance's stored settings with secrets shown as `{ set }`, and
 * its health (state, calls, errors, last error, last connection test; see app/plugins/plugin-health.ts).
 */
export const pluginsList = staffProcedure.meta({ permission: 'plugins:read' }).query(async ({ ctx }) => {
  const settings = ctx.runtime.services.pluginSettings;
  const health = ctx.runtime.pluginHealth;
  return Promise.all(
    ctx.runtime.pluginHost.plugins().map(async (plugin) => ({
      id: plugin.id,
      version: plugin.version,
      displayName: plugin.displayName,
      description: plugin.description ?? null,
      // Implementation keys are `point:plugin:instance:name`.
      extensionPoints: [
        ...new Set(
          plugin.instances.flatMap((i) => i.implementations.map((key) => key.split(':')[0] as string)),
        ),
      ],
      // A plain JSON object to clients (zod's JSON Schema type is not portable across packages).
      settingsJsonSchema: plugin.settingsJsonSchema as Record<string, unknown>,
      secretSettings: plugin.secretSettings,
      instances: await Promise.all(
        plugin.instances.map(async (instance) => ({
          instance: instance.instance,
          status: instance.status,
          problems: instance.problems,
          implementations: instance.implementations,
          health: health.instance(plugin.id, instance.instance, instance.status),
          values: await settings.maskedSettings({
            pluginId: plugin.id,
            instance: instance.instance,
            secretPaths: plugin.secretSettings,
          }),
        })),
      ),
    })),
  );
});
