import { type JsonValue, JsonValueSchema } from '../dto/json.schema.js';

/** The JSON form of a value (as a queue or a jsonb column would store it); throws when it has none. */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('The value cannot be represented as JSON');
  return JsonValueSchema.parse(JSON.parse(text));
}
