import type { z } from 'zod';

/**
 * Marks a settings field secret: the host stores it encrypted, never returns it over the API (write-only) and
 * the admin console renders a password field. Uses zod 4 metadata (`.meta({ secret: true })`).
 * @example settingsSchema: z.object({ apiKey: secret(z.string().min(1)) })
 */
export function secret<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema.meta({ ...schema.meta(), secret: true });
}

/** True when the schema was marked with {@link secret}. */
export function isSecret(schema: z.ZodType): boolean {
  return schema.meta()?.secret === true;
}
