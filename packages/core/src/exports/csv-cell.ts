/**
 * A cell value safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@` (or a tab or carriage return,
 * which some spreadsheets skip before reading a formula) gets a leading `'`, so it is shown, never evaluated
 * (OWASP "CSV injection"). Everything is text; null is an empty cell.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
