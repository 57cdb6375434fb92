import fc from 'fast-check';

/** The parts of an OpenAPI 3.1 document the fuzz suite reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

/** One operation of the document: `GET /api/v1/tracks/{slug}`. */
export interface DocumentedOperation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  operation: OpenApiOperation;
}

export function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase() as DocumentedOperation['method'],
        path,
        operation,
      })),
  );
}

/** JSON text of arrays nested `depth` levels deep (JSON.stringify would overflow the stack on deep values). */
export function nestedJsonText(depth: number): string {
  return `${'['.repeat(depth)}0${']'.repeat(depth)}`;
}

/** Strings that have broken servers: NULs, unpaired surrogates, bidi and combining characters, injections, sizes. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udbff\ud800',
    '\u202eevil',
    'e\u0301\u0301\u0301',
    '🦄👩‍👩‍👧',
    '\ufeff\uffff\ufffe',
    "'; DROP TABLE tracks; --",
    '%00%ZZ%',
    '../../../../etc/passwd',
    '<script>alert(1)</script>',
    // Template-injection probes, as text.
    '$' + '{7*7}{{7*7}}',
    '',
    ' ',
    '\r\n',
    'null',
    '-1',
    '1e309',
    'x'.repeat(10_001),
    '🦄'.repeat(5_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0000`),
);

/** Text that is valid and storable, yet odd: what a well-formed request may still carry into the database. */
export const storableOddText: fc.Arbitrary<string> = fc.constantFrom(
  '🦄👩‍👩‍👧',
  '\u202eevil',
  'e\u0301\u0301',
  "O'Brien; DROP TABLE tracks; --",
  '<script>alert(1)</script>',
  '\ufeffbom',
  '%00',
  '\\',
  'ÿ\u00a0\u2028',
);

/** Any value where a field is expected: nasty strings, wrong types, big numbers, deep or wide structures. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 16, -0, 1e308, -1e308, 0.1),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    [],
    {},
    [[[]]],
    { '': '' },
    JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
    { 'key\u0000': 1 },
    { '\ud800': 1 },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(20, 70).map((depth) => JSON.parse(nestedJsonText(depth)) as unknown),
  fc.array(fc.constant('x'), { minLength: 1000, maxLength: 1000 }),
);

/** Bodies that are not the JSON of an object: broken JSON, other values, huge or deep documents. */
export const malformedBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"a":1}{"b":2}',
    'null',
    '[]',
    '"\\u0000"',
    '\u0000',
    '{"a":"\u0000"}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '1e400',
    '{"a":01}',
    "{'a':1}",
    `{"a":${nestedJsonText(100_000)}}`,
    `"${'x'.repeat(1_100_000)}"`,
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);

/** Percent-encodes text for a path segment or query value; unpaired surrogates go as raw (invalid) UTF-8 bytes. */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((char) => {
        try {
          return encodeURIComponent(char);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

/** Raw URL pieces no encoder would make: broken escapes, invalid UTF-8, overlong encodings. */
export const rawUrlPiece: fc.Arbitrary<string> = fc.constantFrom(
  '%',
  '%0',
  '%zz',
  '%FF',
  '%C0%80',
  '%ED%A0%80',
  '%00',
);

/** Values the seeded data gives to fields and parameters of these names, so requests get past lookups. */
export type KnownValues = Record<string, unknown>;

const STRING_CANDIDATES = ['fuzz', 'fuzz-1', 'field_1', 'Fuzz', 'a', '1', 'fuzz@example.com', '#c2410c'];

/**
 * Values that match `schema` (mostly: patterns are met from a few candidates), using `known` for fields and
 * parameters named there. The starting point that the fuzz suite then mutates in one place.
 */
export function validValue(
  schema: JsonSchema,
  document: OpenApiDocument,
  known: KnownValues,
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  if (depth > 4) return fc.constant('fuzz');
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants) {
    const usable = variants.filter((variant) => resolve(variant, document).type !== 'null');
    return fc.oneof(
      ...(usable.length > 0 ? usable : variants).map((v) => validValue(v, document, known, depth + 1)),
    );
  }
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== 'null') : resolved.type;
  switch (type) {
    case 'string':
      return fc.constant(validString(resolved));
    case 'integer':
    case 'number':
      return fc.integer({
        min: Math.max(resolved.minimum ?? 1, 1),
        max: Math.min(resolved.maximum ?? 50, 50),
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = resolved.minItems ?? 0;
      return fc.array(validValue(resolved.items ?? {}, document, known, depth + 1), {
        minLength: min,
        maxLength: Math.min(Math.max(min, 2), resolved.maxItems ?? 2),
      });
    }
    case 'object': {
      const properties = resolved.properties ?? {};
      const fields = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          name in known ? fc.constant(known[name]) : validValue(property, document, known, depth + 1),
        ]),
      );
      // Free-form maps (answers, properties) are mostly left empty: their keys must match what the track defines.
      const extra =
        typeof resolved.additionalProperties === 'object'
          ? fc.oneof(
              { weight: 3, arbitrary: fc.constant({}) },
              {
                weight: 1,
                arbitrary: fc.dictionary(
                  fc.constantFrom('note', 'budget', 'plan'),
                  validValue(resolved.additionalProperties, document, known, depth + 1),
                  { maxKeys: 2 },
                ),
              },
            )
          : fc.constant({});
      return fc
        .tuple(fc.record(fields, { requiredKeys: resolved.required ?? [] }), extra)
        .map(([record, more]) => ({ ...more, ...record }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: JsonSchema): string {
  if (schema.format === 'uri' || schema.format === 'url') return 'https://127.0.0.1/fuzz';
  if (schema.format === 'email') return 'fuzz@example.com';
  if (schema.format === 'date-time') return new Date(0).toISOString();
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const min = schema.minLength ?? 0;
  const fits = (text: string) =>
    text.length >= min &&
    text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
    (!pattern || pattern.test(text));
  return STRING_CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(min, 1));
}

function resolve(schema: JsonSchema, document: OpenApiDocument): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = document.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** `value` with the node at (the `choice`-th of its paths, wrapping) replaced by `replacement`, or an unknown field added. */
export function mutate(
  value: unknown,
  choice: number,
  replacement: unknown,
  addUnknownField: boolean,
): unknown {
  const paths: (string | number)[][] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, [...path, index]);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
    }
  };
  visit(value, []);
  const path = paths[choice % paths.length] ?? [];
  const copy: unknown = structuredClone(value);
  if (path.length === 0)
    return addUnknownField && isObject(copy) ? { ...copy, unknownField: replacement } : replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (addUnknownField && isObject(parent[last]))
    (parent[last] as Record<string, unknown>).unknownField = replacement;
  else parent[last] = replacement;
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
