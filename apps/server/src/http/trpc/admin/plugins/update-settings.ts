import { updatePluginSettingsInputSchema } from '@warmpath/core';
import { loadedInstance } from '../../../../app/plugins/loaded-instance.js';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/**
 * Changes an instance's settings: `changes` is merged into the stored ones (only what is named changes), then
 * validated by the plugin's schema and audited. Secrets are write-only: leave one out or empty to keep it.
 * Every running server reloads the instance with the new settings once the change commits (live settings).
 */
export const pluginUpdateSettings = staffProcedure
  .meta({ permission: 'plugins:manage' })
  .input(updatePluginSettingsInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { target } = loadedInstance(ctx.runtime, input.pluginId, input.instance);
    const values = await ctx.runtime.services.pluginSettings.update(
      target,
      input.changes,
      staffAuditContext(ctx),
    );
    return { values, restartRequired: false };
  });
