import { hasDemoData } from '@warmpath/core';
import { staffProcedure } from '../trpc.js';

/** What this installation runs on: shown on the admin dashboard and useful in support requests. */
export const systemStatus = staffProcedure.meta({ permission: 'system:read' }).query(async ({ ctx }) => {
  const { runtime } = ctx;
  return {
    /** The program holds the made-up activity of a first start (the console says so). */
    demoData: await hasDemoData(runtime.database.db),
    version: runtime.version,
    mode: runtime.config.MODE,
    database: runtime.database.kind,
    jobs: runtime.queue.driver,
    publicUrl: runtime.config.PUBLIC_URL,
    plugins: runtime.pluginHost.plugins().map((plugin) => ({
      id: plugin.id,
      version: plugin.version,
      instances: plugin.instances,
    })),
  };
});
