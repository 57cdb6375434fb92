import { router } from '../../trpc.js';
import { pluginsList } from './list.js';
import { pluginSetEnabled } from './set-enabled.js';
import { pluginTestConnection } from './test-connection.js';
import { pluginUpdateSettings } from './update-settings.js';

/** `admin.plugins.*`: installed plugins, their settings forms and connection checks. */
export const adminPluginsRouter = router({
  list: pluginsList,
  updateSettings: pluginUpdateSettings,
  setEnabled: pluginSetEnabled,
  testConnection: pluginTestConnection,
});
