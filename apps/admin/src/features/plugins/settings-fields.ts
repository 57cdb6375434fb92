/**
 * The settings form of a plugin, read from its settings JSON Schema (zod → JSON Schema on the server). Strings
 * (with enums as choices), numbers, integers, booleans and lists of strings or numbers are drawn as fields, at the
 * top level and one object level down (a group of fields, keyed `group.setting`); anything else is edited as JSON
 * text.
 *
 * The form shows each setting's effective value: the stored one, else the schema's default. It saves only what the
 * person changed, as a merge patch the server applies to the stored settings, so saving one score can never switch
 * off a rule that was running on its default.
 */
export type SettingsFieldKind = 'text' | 'number' | 'boolean' | 'choice' | 'list' | 'json';

export interface SettingsField {
  /** The setting's path: `name`, or `group.name` inside a group. */
  key: string;
  /** The label of the group the field belongs to, if any. */
  group: string | undefined;
  label: string;
  description: string | undefined;
  kind: SettingsFieldKind;
  choices: string[];
  /** What each item of a list is; `text` for fields that are not lists. */
  itemKind: 'text' | 'number';
  isRequired: boolean;
  isSecret: boolean;
  /** The schema's default, or undefined when it has none. */
  defaultValue: unknown;
  /** Limits of a number, or of each number in a list. */
  minimum: number | undefined;
  maximum: number | undefined;
  isInteger: boolean;
}

/** A field's value while it is edited: text as typed, a checkbox's state, or a list's rows as typed. */
export type SettingDraftValue = string | boolean | string[];

/** Every field's value while the form is edited, by field key. */
export type SettingsDraft = Record<string, SettingDraftValue>;

/** Where a field's shown value comes from. */
export type SettingSource = 'stored' | 'default' | 'unset';

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

function isNumberType(type: unknown): boolean {
  return type === 'number' || type === 'integer';
}

function kindOf(schema: JsonSchema): Pick<SettingsField, 'kind' | 'choices' | 'itemKind'> {
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')) {
    return { kind: 'choice', choices: schema.enum as string[], itemKind: 'text' };
  }
  switch (schema.type) {
    case 'string':
      return { kind: 'text', choices: [], itemKind: 'text' };
    case 'number':
    case 'integer':
      return { kind: 'number', choices: [], itemKind: 'text' };
    case 'boolean':
      return { kind: 'boolean', choices: [], itemKind: 'text' };
    case 'array': {
      const items = isObject(schema.items) ? schema.items : {};
      if (items.type === 'string' && items.enum === undefined) {
        return { kind: 'list', choices: [], itemKind: 'text' };
      }
      if (isNumberType(items.type)) return { kind: 'list', choices: [], itemKind: 'number' };
      return { kind: 'json', choices: [], itemKind: 'text' };
    }
    default:
      return { kind: 'json', choices: [], itemKind: 'text' };
  }
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function fieldOf(
  key: string,
  name: string,
  property: JsonSchema,
  context: { required: readonly string[]; secretPaths: readonly string[]; group: string | undefined },
  groupDefault: unknown,
): SettingsField {
  // A list's limits sit on its items.
  const limits = property.type === 'array' && isObject(property.items) ? property.items : property;
  return {
    key,
    group: context.group,
    label: typeof property.title === 'string' ? property.title : labelFromKey(name),
    description: typeof property.description === 'string' ? property.description : undefined,
    ...kindOf(property),
    isRequired: context.required.includes(name),
    isSecret: context.secretPaths.includes(key),
    // A group's own default, when it names this setting, is what an unsaved group starts from.
    defaultValue: isObject(groupDefault) && name in groupDefault ? groupDefault[name] : property.default,
    minimum: numberOrUndefined(limits.minimum),
    maximum: numberOrUndefined(limits.maximum),
    isInteger: limits.type === 'integer',
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
      const context = { required: requiredOf(propertySchema), secretPaths, group };
      return Object.entries(propertySchema.properties).map(([name, child]) =>
        fieldOf(`${key}.${name}`, name, isObject(child) ? child : {}, context, propertySchema.default),
      );
    }
    return [fieldOf(key, key, propertySchema, { required, secretPaths, group: undefined }, undefined)];
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

/** The stored value of a setting (secrets are stored as `{ set }` and never shown), or undefined. */
export function storedSetting(field: SettingsField, stored: Readonly<Record<string, unknown>>): unknown {
  const value = readPath(stored, field.key);
  return field.isSecret || value === null ? undefined : value;
}

/** Whether a secret setting has a stored value (the server sends `{ set: true }` in its place, never the value). */
export function isStoredSecretSet(field: SettingsField, stored: Readonly<Record<string, unknown>>): boolean {
  const value = readPath(stored, field.key);
  return field.isSecret && isObject(value) && value.set === true;
}

/** Whether the value a field shows was stored, is the schema's default, or is neither. */
export function settingSource(
  field: SettingsField,
  stored: Readonly<Record<string, unknown>>,
): SettingSource {
  if (storedSetting(field, stored) !== undefined) return 'stored';
  return field.defaultValue === undefined || field.isSecret ? 'unset' : 'default';
}

function draftValueOf(field: SettingsField, value: unknown): SettingDraftValue {
  switch (field.kind) {
    case 'boolean':
      return value === true;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [];
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

/** What the form starts from: each setting's stored value, else its default; secrets always empty (write-only). */
export function effectiveSettingsDraft(
  fields: readonly SettingsField[],
  stored: Readonly<Record<string, unknown>>,
): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const field of fields) {
    draft[field.key] = field.isSecret
      ? ''
      : draftValueOf(field, storedSetting(field, stored) ?? field.defaultValue);
  }
  return draft;
}

function asText(value: SettingDraftValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function asRows(value: SettingDraftValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/** A number as typed, or the text itself when it is not one, so the server's schema names the field. */
function numberOrText(text: string): number | string {
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

/**
 * The setting a field's draft stands for. An emptied text, number or JSON field is `null`: the stored value is
 * forgotten and the default applies again. Empty list rows are dropped.
 */
function settingValueOf(field: SettingsField, value: SettingDraftValue | undefined): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === true;
    case 'list': {
      const items = asRows(value)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return field.itemKind === 'number' ? items.map(numberOrText) : items;
    }
    case 'number': {
      const text = asText(value).trim();
      return text === '' ? null : numberOrText(text);
    }
    case 'json': {
      const text = asText(value).trim();
      if (text === '') return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    default: {
      const text = asText(value);
      return text.trim() === '' ? null : text;
    }
  }
}

/**
 * What to save: only the settings whose value differs from what the form started with, as a merge patch
 * (`{ duplicate: { companyScore: 50 } }`). A secret is sent only when one was typed (empty keeps the stored one).
 * Nothing changed: an empty patch.
 */
export function settingsChanges(
  fields: readonly SettingsField[],
  initial: Readonly<SettingsDraft>,
  draft: Readonly<SettingsDraft>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const after = draft[field.key];
    if (field.isSecret) {
      if (asText(after) !== '') writePath(changes, field.key, asText(after));
      continue;
    }
    const value = settingValueOf(field, after);
    if (JSON.stringify(value) !== JSON.stringify(settingValueOf(field, initial[field.key]))) {
      writePath(changes, field.key, value);
    }
  }
  return changes;
}

/** True when a field shows the schema's default: nothing stored, and not edited away from it. */
export function showsDefault(
  field: SettingsField,
  stored: Readonly<Record<string, unknown>>,
  draft: Readonly<SettingsDraft>,
): boolean {
  return (
    settingSource(field, stored) === 'default' &&
    JSON.stringify(settingValueOf(field, draft[field.key])) ===
      JSON.stringify(settingValueOf(field, draftValueOf(field, field.defaultValue)))
  );
}

/** The key of one row of a list field in {@link settingsErrors}. */
export function listRowKey(field: SettingsField, index: number): string {
  return `${field.key}[${index}]`;
}

function numberProblem(field: SettingsField, text: string): string | undefined {
  const number = Number(text);
  if (!Number.isFinite(number)) return 'Enter a number.';
  if (field.isInteger && !Number.isInteger(number)) return 'Enter a whole number.';
  const { minimum, maximum } = field;
  const isTooSmall = minimum !== undefined && number < minimum;
  const isTooLarge = maximum !== undefined && number > maximum;
  if (!isTooSmall && !isTooLarge) return undefined;
  if (minimum !== undefined && maximum !== undefined) return `Enter a number from ${minimum} to ${maximum}.`;
  return minimum !== undefined ? `Enter ${minimum} or more.` : `Enter ${maximum} or less.`;
}

/**
 * What is wrong with the draft, by field key (list rows by {@link listRowKey}), before anything is sent: numbers
 * that are not numbers or break the schema's limits, JSON that does not parse, required settings left empty that
 * have no default to fall back on. The server's schema checks everything again.
 */
export function settingsErrors(
  fields: readonly SettingsField[],
  draft: Readonly<SettingsDraft>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = draft[field.key];
    if (field.kind === 'list') {
      asRows(value).forEach((item, index) => {
        const problem =
          field.itemKind === 'number' && item.trim() !== '' ? numberProblem(field, item) : undefined;
        if (problem) errors[listRowKey(field, index)] = problem;
      });
      continue;
    }
    if (field.kind === 'boolean' || field.isSecret) continue;
    const text = asText(value).trim();
    if (text === '') {
      if (field.isRequired && field.defaultValue === undefined) errors[field.key] = 'Required.';
      continue;
    }
    if (field.kind === 'number') {
      const problem = numberProblem(field, text);
      if (problem) errors[field.key] = problem;
    } else if (field.kind === 'json') {
      try {
        JSON.parse(text);
      } catch {
        errors[field.key] = 'Not valid JSON.';
      }
    }
  }
  return errors;
}
