import { updatePluginSettingsInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';
import { loadedInstance } from './loaded-instance.js';

/**
 * Saves an instance's settings form (validated by the plugin's schema, audited). Secrets are write-only: leave
 * one out or empty to keep it. Plugins read settings at boot, so the change applies after a restart.
 */
export const pluginUpdateSettings = staffProcedure
  .meta({ permission: 'plugins:manage' })
  .input(updatePluginSettingsInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { target } = loadedInstance(ctx.runtime, input.pluginId, input.instance);
    const values = await ctx.runtime.services.pluginSettings.update(
      target,
      input.values,
      staffAuditContext(ctx),
    );
    return { values, restartRequired: true as const };
  });
