import { definePlugin } from '@warmpath/plugin-sdk';
import { createCrmConnector } from './crm-connector.js';
import { createJsonClient } from './json-client.js';
import { configSchema, settingsSchema } from './settings.js';

/** Writes referrals to the CRM as leads and reads back the stages sales move them to. */
const plugin = definePlugin({
  id: '__PLUGIN_ID__',
  version: '0.1.0',
  sdk: '^1',
  displayName: '__DISPLAY_NAME__',
  description: 'Writes referrals to the CRM as leads and reads back their stages.',
  configSchema,
  settingsSchema,
  register(ctx) {
    // Building the client does no I/O: register must stay synchronous and side-effect free.
    const call = createJsonClient({
      fetch: ctx.http.fetch,
      baseUrl: ctx.settings.baseUrl,
      token: ctx.settings.token,
      timeoutMs: ctx.config.requestTimeoutMs,
    });
    ctx.crm.add('crm', () => createCrmConnector(call));
  },
});

export default plugin;
