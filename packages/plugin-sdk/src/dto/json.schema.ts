import { z } from 'zod';

/** Any value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (string keys, JSON values). */
export type JsonObject = { [key: string]: JsonValue };

/** Validates a {@link JsonValue}. */
export const JsonValueSchema: z.ZodType<JsonValue> = z.json();

/** Validates a {@link JsonObject}. */
export const JsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), JsonValueSchema);
