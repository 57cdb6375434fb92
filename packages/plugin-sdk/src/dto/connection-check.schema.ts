import { z } from 'zod';
import { JsonObjectSchema } from './json.schema.js';

/** Validates a {@link ConnectionCheck}. */
export const ConnectionCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), details: JsonObjectSchema.optional() }),
  z.object({ ok: z.literal(false), message: z.string().min(1) }),
]);
/**
 * The answer to the admin console's "Test connection" button. A failure is reported in `message` (shown to the
 * admin, so no secrets in it), never thrown.
 */
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;
