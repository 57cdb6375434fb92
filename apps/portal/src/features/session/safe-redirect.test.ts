import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect.js';

describe('returning after sign-in', () => {
  it('keeps a portal path', () => {
    expect(safeRedirectPath('/referrals/abc?x=1')).toBe('/referrals/abc?x=1');
  });

  it('refuses anything that could leave the portal', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'referrals',
      42,
      undefined,
    ]) {
      expect(safeRedirectPath(value)).toBeUndefined();
    }
  });
});
