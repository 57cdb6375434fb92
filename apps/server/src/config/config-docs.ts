import { z } from 'zod';
import { configSchema } from './config.schema.js';

export const CONFIG_TABLE_START = '<!-- config:start -->';
export const CONFIG_TABLE_END = '<!-- config:end -->';

interface PropertySchema {
  description?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: PropertySchema[];
}

function allowed(schema: PropertySchema): string {
  const values = schema.enum ?? schema.anyOf?.flatMap((s) => s.enum ?? []);
  return values && values.length > 0
    ? ` One of ${values
        .filter((v) => v !== '')
        .map((v) => `\`${v}\``)
        .join(', ')}.`
    : '';
}

/** The Markdown table of every environment variable, generated from the zod schema that parses them. */
export function renderConfigTable(): string {
  const jsonSchema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, PropertySchema>;
  };
  const rows = Object.entries(jsonSchema.properties).map(([name, schema]) => {
    const fallback =
      schema.default === undefined || schema.default === '' ? '—' : `\`${String(schema.default)}\``;
    return `| \`${name}\` | ${fallback} | ${(schema.description ?? '').replaceAll('|', '\\|')}${allowed(schema)} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

/** Replaces the generated block between the markers of a Markdown document. */
export function injectConfigTable(markdown: string): string {
  const start = markdown.indexOf(CONFIG_TABLE_START);
  const end = markdown.indexOf(CONFIG_TABLE_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`markers ${CONFIG_TABLE_START} … ${CONFIG_TABLE_END} not found`);
  }
  return `${markdown.slice(0, start + CONFIG_TABLE_START.length)}\n${renderConfigTable()}\n${markdown.slice(end)}`;
}
