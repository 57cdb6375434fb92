/**
 * The settings form of a plugin, read from its settings JSON Schema (zod → JSON Schema on the server). Strings
 * (with enums as choices), numbers, integers and booleans are drawn as fields, at the top level and one object
 * level down (a group of fields, keyed `group.setting`); anything else is edited as JSON text.
 */
export type SettingsFieldKind = 'text' | 'number' | 'boolean' | 'choice' | 'json';

export interface SettingsField {
  /** The setting's path: `name`, or `group.name` inside a group. */
  key: string;
  /** The label of the group the field belongs to, if any. */
  group: string | undefined;
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

function fieldOf(
  key: string,
  name: string,
  property: JsonSchema,
  required: readonly string[],
  secretPaths: readonly string[],
  group: string | undefined,
): SettingsField {
  const { kind, choices } = kindOf(property);
  return {
    key,
    group,
    label: typeof property.title === 'string' ? property.title : labelFromKey(name),
    description: typeof property.description === 'string' ? property.description : undefined,
    kind,
    choices,
    isRequired: required.includes(name),
    isSecret: secretPaths.includes(key),
  };
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? (schema.required as string[]) : [];
}

/** The fields of a settings schema, in the schema's order; `secretPaths` are the settings never shown back. */
export function settingsFields(schema: unknown, secretPaths: readonly string[]): SettingsField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = requiredOf(schema);
  return Object.entries(schema.properties).flatMap(([key, property]) => {
    const propertySchema = isObject(property) ? property : {};
    if (propertySchema.type === 'object' && isObject(propertySchema.properties)) {
      const group = typeof propertySchema.title === 'string' ? propertySchema.title : labelFromKey(key);
      const groupRequired = requiredOf(propertySchema);
      return Object.entries(propertySchema.properties).map(([name, child]) =>
        fieldOf(`${key}.${name}`, name, isObject(child) ? child : {}, groupRequired, secretPaths, group),
      );
    }
    return [fieldOf(key, key, propertySchema, required, secretPaths, undefined)];
  });
}

function readPath(values: Readonly<Record<string, unknown>>, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (isObject(value) ? value[part] : undefined), values);
}

function writePath(values: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let target = values;
  for (const part of parts) {
    if (!isObject(target[part])) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[last] = value;
}

/** The text each field starts with: stored values as typed text, secrets always empty (they are write-only). */
export function initialSettingsText(
  fields: readonly SettingsField[],
  stored: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const text: Record<string, string> = {};
  for (const field of fields) {
    const value = readPath(stored, field.key);
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
      writePath(values, field.key, raw === 'true');
      continue;
    }
    if (raw.trim() === '') continue;
    if (field.kind === 'number') {
      const number = Number(raw);
      writePath(values, field.key, Number.isFinite(number) ? number : raw);
    } else if (field.kind === 'json') {
      try {
        writePath(values, field.key, JSON.parse(raw));
      } catch {
        writePath(values, field.key, raw);
      }
    } else {
      writePath(values, field.key, raw);
    }
  }
  return values;
}
