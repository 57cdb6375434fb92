import { setPluginInstanceEnabledInputSchema } from '@warmpath/core';
import { setInstanceEnabled } from '../../../../app/plugins/instance-settings.js';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/**
 * Turns an instance on or off (audited). Every running server follows within seconds: a disabled instance stops
 * answering its routes and webhooks and its implementations leave the plugin host.
 */
export const pluginSetEnabled = staffProcedure
  .meta({ permission: 'plugins:manage' })
  .input(setPluginInstanceEnabledInputSchema)
  .mutation(({ ctx, input }) =>
    setInstanceEnabled(ctx.runtime, input.pluginId, input.instance, input.enabled, staffAuditContext(ctx)),
  );
