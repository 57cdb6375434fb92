import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect.js';

describe('returning after sign-in', () => {
  it('keeps a path inside the console, with its query and hash', () => {
    expect(safeRedirectPath('/tracks')).toBe('/tracks');
    expect(safeRedirectPath('/referrals?status=submitted#top')).toBe('/referrals?status=submitted#top');
  });

  it.each([
    ['another origin', 'https://evil.example/phish'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'tracks'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a control character', '/\t/evil.example'],
    ['the sign-in page itself', '/sign-in?redirect=/tracks'],
    ['a non-string', ['/tracks']],
    ['nothing', undefined],
  ])('refuses %s', (_case, value) => {
    expect(safeRedirectPath(value)).toBeUndefined();
  });
});
