import { secret } from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** Deploy-time config (`WARMPATH_PLUGIN_CONFIG`), the same for every instance. */
export const configSchema = z.object({
  requestTimeoutMs: z.number().int().positive().default(60_000).describe('How long one call may take.'),
});

/**
 * Per-installation settings, entered by an admin on the console's Plugins page. No default for the URL: an
 * instance nobody configured stays disabled instead of calling a wrong address.
 */
export const settingsSchema = z.object({
  baseUrl: z.url().describe('The root of the OpenAI-compatible API, e.g. https://models.example.com/v1.'),
  // secret(): encrypted at rest and write-only: the host never hands it back to the console.
  token: secret(z.string().min(1).describe('An API key of the model server, sent as a bearer token.')),
  model: z.string().min(1).default('default').describe('The model to ask.'),
});
