import { describe, expect, it } from 'vitest';
import { redirectSearchParam, safeRedirectPath } from './safe-redirect-path.js';

const admin = { base: '/admin/', excludedPaths: ['/sign-in'] };

describe('the path to return to after signing in', () => {
  it.each([
    ['a page', '/tracks'],
    ['the home page', '/'],
    ['a page with its query and hash', '/referrals?status=submitted#top'],
    ['an encoded character that is harmless', '/referrals?search=Acme%20Corp'],
    ['a literal per cent sign', '/referrals?search=100%25'],
    ['a slash encoded in the middle', '/referrals/a%2Fb'],
    ['dot segments that stay inside the app', '/tracks/../referrals'],
  ])('keeps %s', (_case, value) => {
    expect(safeRedirectPath(value, admin)).toBe(value);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/phish'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash after the slash', '/\\evil.example'],
    ['a backslash anywhere', '/tracks\\..\\..\\evil'],
    ['a tab', '/\t/evil.example'],
    ['a line feed in the query', '/tracks?x=1\nLocation: https://evil.example'],
    ['a NUL character', '/tracks\u0000'],
    ['a DEL character', '/tracks\u007f'],
    ['an encoded backslash', '/%5cevil.example'],
    ['an encoded backslash in upper case', '/tracks/%5C'],
    ['a twice-encoded backslash', '/%255cevil.example'],
    ['encoded slashes at the start', '/%2f%2fevil.example'],
    ['an encoded slash after the first', '/%2fevil.example'],
    ['an encoded line feed', '/tracks%0a'],
    ['an encoded NUL', '/tracks?x=%00'],
    ['a way out of the app', '/../portal/'],
    ['an encoded way out of the app', '/%2e%2e/portal/'],
    ['a twice-encoded way out of the app', '/%252e%252e/portal/'],
    ['a relative path', 'tracks'],
    ['the sign-in page itself', '/sign-in?redirect=/tracks'],
    ['the sign-in page with a trailing slash', '/sign-in/'],
    ['a very long value', `/${'a'.repeat(2048)}`],
    ['a non-string', ['/tracks']],
    ['nothing', undefined],
  ])('refuses %s', (_case, value) => {
    expect(safeRedirectPath(value, admin)).toBeUndefined();
  });

  it('judges each app against its own base, however the base is written', () => {
    expect(safeRedirectPath('/referrals/abc?x=1', { base: '/portal/' })).toBe('/referrals/abc?x=1');
    expect(safeRedirectPath('/../admin/tracks', { base: 'portal' })).toBeUndefined();
    expect(safeRedirectPath('/sign-in', { base: '/portal/' })).toBe('/sign-in');
  });

  it('overwrites a refused value in the sign-in page search rather than leaving the raw one in place', () => {
    const search = {
      ...{ redirect: 'https://evil.example' },
      ...redirectSearchParam('https://evil.example', admin),
    };
    expect(search).toEqual({ redirect: undefined });
    expect(redirectSearchParam('/tracks', admin)).toEqual({ redirect: '/tracks' });
  });
});
