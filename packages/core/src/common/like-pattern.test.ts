import { describe, expect, it } from 'vitest';
import { containsPattern } from './like-pattern.js';

describe('containsPattern', () => {
  it('matches the text anywhere and takes LIKE wildcards and the escape literally', () => {
    expect(containsPattern('globex')).toBe('%globex%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
