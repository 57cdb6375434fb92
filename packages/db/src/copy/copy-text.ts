import type { AppendValue } from './append-value.js';

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '' };

// Batches of clicks share timestamps (tens per millisecond under load): the last conversion is remembered.
let lastTime = Number.NaN;
let lastIso = '';
function isoOf(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
}

/**
 * One value in COPY's text format: `\N` for null, `t`/`f`, ISO timestamps, and strings with backslash, tab and
 * line breaks escaped. NUL cannot be stored in a Postgres text value at all, so it is dropped.
 */
function copyField(value: AppendValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r\0]/g, (char) => ESCAPES[char] ?? '') : value;
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return isoOf(value);
  return String(value);
}

/**
 * Rows as the body of `COPY … FROM STDIN` (text format): tab-separated fields, one line per row. The fallback for
 * tables with a column type the binary encoder does not know.
 */
export function encodeCopyText(rows: readonly (readonly AppendValue[])[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < row.length; index++) {
      line += (index === 0 ? '' : '\t') + copyField(row[index] ?? null);
    }
    text += `${line}\n`;
  }
  return text;
}
