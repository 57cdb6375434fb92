import { definePlugin } from '@warmpath/plugin-sdk';
import { createAttributionModel } from './attribution-model.js';
import { configSchema, settingsSchema } from './settings.js';

/** Credits a conversion to the first (or last) touchpoint that led to it. */
const plugin = definePlugin({
  id: '__PLUGIN_ID__',
  version: '0.1.0',
  sdk: '^1',
  displayName: '__DISPLAY_NAME__',
  description: 'Credits a conversion to the first or last touchpoint.',
  configSchema,
  settingsSchema,
  register(ctx) {
    ctx.attribution.add('single-touch', (instance) => createAttributionModel(instance.settings));
  },
});

export default plugin;
