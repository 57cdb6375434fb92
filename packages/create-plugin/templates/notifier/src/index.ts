import { definePlugin } from '@warmpath/plugin-sdk';
import { createJsonClient } from './json-client.js';
import { createNotifier } from './notifier.js';
import { configSchema, settingsSchema } from './settings.js';

/** Delivers Warmpath notifications to chat channels. */
const plugin = definePlugin({
  id: '__PLUGIN_ID__',
  version: '0.1.0',
  sdk: '^1',
  displayName: '__DISPLAY_NAME__',
  description: 'Delivers Warmpath notifications to chat channels.',
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
    ctx.notifiers.add('chat', () => createNotifier(call));
  },
});

export default plugin;
