import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell.js';

describe('csv cells', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
  ])('neutralises a formula: %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps ordinary text, numbers and booleans, and empties null', () => {
    expect(csvCell('Acme, Inc. = great')).toBe('Acme, Inc. = great');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
  });
});
