import { z } from 'zod';

/** Deploy-time config (`WARMPATH_PLUGIN_CONFIG`): none for this model. */
export const configSchema = z.object({});

/** Per-installation settings, entered by an admin on the console's Plugins page. */
export const settingsSchema = z.object({
  touch: z
    .enum(['first', 'last'])
    .default('first')
    .describe('Which touchpoint gets the credit: the first one or the last one before the conversion.'),
});

/** The parsed settings, defaults applied. */
export type Settings = z.infer<typeof settingsSchema>;
