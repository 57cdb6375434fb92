import { definePlugin } from '@warmpath/plugin-sdk';
import { createInferenceBackend } from './inference-backend.js';
import { createJsonClient } from './json-client.js';
import { configSchema, settingsSchema } from './settings.js';

/** Completes prompts and embeds texts with a model behind an OpenAI-compatible API. */
const plugin = definePlugin({
  id: '__PLUGIN_ID__',
  version: '0.1.0',
  sdk: '^1',
  displayName: '__DISPLAY_NAME__',
  description: 'Completes prompts and embeds texts with an OpenAI-compatible model server.',
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
    ctx.inference.add('model', () => createInferenceBackend(call, ctx.settings.model));
  },
});

export default plugin;
