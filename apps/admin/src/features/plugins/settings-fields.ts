/**
 * The settings form of a plugin, read from its settings JSON Schema (zod → JSON Schema on the server). Only the
 * shapes settings use are drawn as fields: strings (with enums as choices), numbers, integers and booleans at the
 * top level; anything else is edited as JSON text.
 */
export type SettingsFieldKind = 'text' | 'number' | 'boolean' | 'choice' | 'json';

export interface SettingsField {
  key: string;
  label: string;
  description: string | undefined;
  kind: SettingsFieldKind;
  choices: string[];
  isRequired: boolean;
  isSecret: boolean;
}

type JsonSchema = { [key: string]: unknown };

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "apiBaseUrl" → "Api base url": a readable label when the schema gives no title. */
function labelFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function kindOf(schema: JsonSchema): { kind: SettingsFieldKind; choices: string[] } {
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')) {
    return { kind: 'choice', choices: schema.enum as string[] };
  }
  switch (schema.type) {
    case 'string':
      return { kind: 'text', choices: [] };
    case 'number':
    case 'integer':
      return { kind: 'number', choices: [] };
    case 'boolean':
      return { kind: 'boolean', choices: [] };
    default:
      return { kind: 'json', choices: [] };
  }
}

/** The fields of a settings schema, in the schema's order; `secretPaths` are the settings never shown back. */
export function settingsFields(schema: unknown, secretPaths: readonly string[]): SettingsField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  return Object.entries(schema.properties).map(([key, property]) => {
    const propertySchema = isObject(property) ? property : {};
    const { kind, choices } = kindOf(propertySchema);
    return {
      key,
      label: typeof propertySchema.title === 'string' ? propertySchema.title : labelFromKey(key),
      description: typeof propertySchema.description === 'string' ? propertySchema.description : undefined,
      kind,
      choices,
      isRequired: required.includes(key),
      isSecret: secretPaths.includes(key),
    };
  });
}

/** The text each field starts with: stored values as typed text, secrets always empty (they are write-only). */
export function initialSettingsText(
  fields: readonly SettingsField[],
  stored: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const text: Record<string, string> = {};
  for (const field of fields) {
    const value = stored[field.key];
    if (field.isSecret || value === undefined || value === null) text[field.key] = '';
    else if (field.kind === 'json') text[field.key] = JSON.stringify(value, null, 2);
    else text[field.key] = String(value);
  }
  return text;
}

/**
 * The values to save. Empty fields are left out (for a secret: keep the stored one). Numbers and JSON that do not
 * parse are sent as typed, so the server's schema names the field.
 */
export function settingsValues(
  fields: readonly SettingsField[],
  text: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = text[field.key] ?? '';
    if (field.kind === 'boolean') {
      values[field.key] = raw === 'true';
      continue;
    }
    if (raw.trim() === '') continue;
    if (field.kind === 'number') {
      const number = Number(raw);
      values[field.key] = Number.isFinite(number) ? number : raw;
    } else if (field.kind === 'json') {
      try {
        values[field.key] = JSON.parse(raw);
      } catch {
        values[field.key] = raw;
      }
    } else {
      values[field.key] = raw;
    }
  }
  return values;
}
