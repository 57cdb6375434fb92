import type pg from 'pg';
import { type BinaryColumnKind, binaryKindOf } from './copy-binary.js';

/** Each column's type name (the base type for a domain), read from the catalog. */
const COLUMN_TYPES = `
  select a.attname as name, coalesce(base.typname, t.typname) as type
  from pg_attribute a
  join pg_type t on t.oid = a.atttypid
  left join pg_type base on t.typtype = 'd' and base.oid = t.typbasetype
  where a.attrelid = to_regclass($1) and a.attnum > 0 and not a.attisdropped`;

/**
 * The binary layout of each of `columns`, or undefined when one of them has none here (or is not a column of the
 * table: COPY's own error will say so) and the rows go in COPY's text format instead.
 */
export async function binaryKindsOf(
  client: pg.ClientBase,
  quotedTable: string,
  columns: readonly string[],
): Promise<BinaryColumnKind[] | undefined> {
  const { rows } = await client.query<{ name: string; type: string }>(COLUMN_TYPES, [quotedTable]);
  const typeOf = new Map(rows.map((row) => [row.name, row.type]));
  const kinds: BinaryColumnKind[] = [];
  for (const column of columns) {
    const type = typeOf.get(column);
    const kind = type === undefined ? undefined : binaryKindOf(type);
    if (kind === undefined) return undefined;
    kinds.push(kind);
  }
  return kinds;
}
