import { definePlugin } from '@warmpath/plugin-sdk';
import { createJsonClient } from './json-client.js';
import { createRewardProvider } from './reward-provider.js';
import { configSchema, settingsSchema } from './settings.js';

/** Pays approved rewards through the provider, exactly once per reward. */
const plugin = definePlugin({
  id: '__PLUGIN_ID__',
  version: '0.1.0',
  sdk: '^1',
  displayName: '__DISPLAY_NAME__',
  description: 'Pays approved rewards through the provider.',
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
    ctx.rewards.add('rewards', () => createRewardProvider(call));
  },
});

export default plugin;
