import { describe, expect, it } from 'vitest';
import { generateLinkCode, LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from './link-code-generator.js';

describe('link codes', () => {
  it('leave out characters people misread', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'l', 'o'])
      expect(LINK_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(LINK_CODE_ALPHABET).size).toBe(32);
  });

  it('are 8 characters of the alphabet, spread over all of it', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateLinkCode();
      expect(code).toHaveLength(LINK_CODE_LENGTH);
      for (const char of code) {
        expect(LINK_CODE_ALPHABET).toContain(char);
        seen.add(char);
      }
    }
    // 4000 draws from 32 characters: every character turns up unless the generator is skewed.
    expect(seen.size).toBe(32);
  });
});
