import { secret } from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** Deploy-time config (`WARMPATH_PLUGIN_CONFIG`), the same for every instance. */
export const configSchema = z.object({
  requestTimeoutMs: z.number().int().positive().default(10_000).describe('How long one call may take.'),
});

/**
 * Per-installation settings, entered by an admin on the console's Plugins page. No default for the URL: an
 * instance nobody configured stays disabled instead of calling a wrong address.
 */
export const settingsSchema = z.object({
  baseUrl: z.url().describe('The root of the remote API, e.g. https://remote.example.com/api.'),
  // secret(): encrypted at rest and write-only: the host never hands it back to the console.
  token: secret(z.string().min(1).describe('An API token of the remote system, sent as a bearer token.')),
});
