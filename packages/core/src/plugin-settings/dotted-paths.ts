type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`auth.clientSecret`), or undefined. */
export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** A copy of `source` with `value` at a dotted path, creating objects on the way. */
export function withPath(source: JsonRecord, path: string, value: unknown): JsonRecord {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...source, [head]: value };
  const child = isRecord(source[head]) ? (source[head] as JsonRecord) : {};
  return { ...source, [head]: withPath(child, rest.join('.'), value) };
}

/** A copy of `source` without the value at a dotted path. */
export function withoutPath(source: JsonRecord, path: string): JsonRecord {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (!(head in source)) return source;
  const { [head]: child, ...others } = source;
  if (rest.length === 0) return others;
  return isRecord(child) ? { ...others, [head]: withoutPath(child, rest.join('.')) } : source;
}
