import type { JsonValue } from '@warmpath/db';

/** The before/after of one field. */
export type FieldChange = {
  before: JsonValue;
  after: JsonValue;
};

/**
 * The fields whose values differ between two snapshots, as `{ field: { before, after } }`. A creation is a diff
 * from `{}` (every `before` is null), so the audit log has one shape for all changes.
 */
export function diffChanges(
  before: Readonly<Record<string, JsonValue>>,
  after: Readonly<Record<string, JsonValue>>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const previous = before[field] ?? null;
    const next = after[field] ?? null;
    if (!jsonEqual(previous, next)) changes[field] = { before: previous, after: next };
  }
  return changes;
}

/** Structural equality of two JSON values (object key order ignored). */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i] ?? null))
    );
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && jsonEqual(a[key] ?? null, b[key] ?? null));
}
