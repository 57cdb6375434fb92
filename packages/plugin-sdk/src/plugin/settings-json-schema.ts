import { z } from 'zod';

/** A JSON Schema document (draft 2020-12) as zod emits it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/**
 * Turns a settings schema into the JSON Schema the admin console renders its settings form from. Describes the
 * input (fields with defaults are optional); secret fields carry `secret: true` and `writeOnly: true`.
 */
export function settingsJsonSchema(schema: z.ZodType): JsonSchema {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  markSecretsWriteOnly(jsonSchema);
  return jsonSchema;
}

/** Dotted paths of the secret fields of a settings schema (`['apiKey', 'oauth.clientSecret']`). */
export function secretSettingPaths(schema: z.ZodType): string[] {
  const paths: string[] = [];
  collectSecretPaths(settingsJsonSchema(schema), [], paths);
  return paths;
}

function markSecretsWriteOnly(node: JsonSchema): void {
  if (node.secret === true) node.writeOnly = true;
  for (const child of childSchemas(node)) markSecretsWriteOnly(child);
}

function collectSecretPaths(node: JsonSchema, path: string[], paths: string[]): void {
  if (isSecretNode(node) && path.length > 0) {
    paths.push(path.join('.'));
    return;
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (isSchemaObject(child)) collectSecretPaths(child, [...path, key], paths);
  }
  for (const variant of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    if (isSchemaObject(variant)) collectSecretPaths(variant, path, paths);
  }
}

function isSecretNode(node: JsonSchema): boolean {
  if (node.secret === true) return true;
  // A nullable secret is an anyOf of the secret and null.
  return (node.anyOf ?? []).some((variant) => isSchemaObject(variant) && variant.secret === true);
}

function childSchemas(node: JsonSchema): JsonSchema[] {
  const children = [
    ...Object.values(node.properties ?? {}),
    ...(node.anyOf ?? []),
    ...(node.oneOf ?? []),
    ...(node.allOf ?? []),
    ...(node.items === undefined ? [] : [node.items].flat()),
    ...(typeof node.additionalProperties === 'object' ? [node.additionalProperties] : []),
  ];
  return children.filter(isSchemaObject);
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null;
}
