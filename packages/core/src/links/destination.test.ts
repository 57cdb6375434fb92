import { describe, expect, it } from 'vitest';
import { buildLinkRedirects, normaliseDestinationUrl, pickRedirect, withRefParam } from './destination.js';

describe('link destinations', () => {
  it('adds wp_ref to the landing URL, keeping its parameters, their encoding and its fragment', () => {
    expect(withRefParam('https://example.com/', 'abc123')).toBe('https://example.com/?wp_ref=abc123');
    expect(withRefParam('https://example.com/p?q=a%20b&list=x,y&plus=a+b#top', 'abc')).toBe(
      'https://example.com/p?q=a%20b&list=x,y&plus=a+b&wp_ref=abc#top',
    );
    expect(withRefParam('https://example.com/?wp_ref=old&utm_source=x', 'new')).toBe(
      'https://example.com/?utm_source=x&wp_ref=new',
    );
  });

  it('normalises what a browser treats as the same URL and refuses anything that is not absolute http(s)', () => {
    expect(normaliseDestinationUrl('HTTPS://Example.COM:443/Pricing/')).toBe('https://example.com/Pricing');
    expect(normaliseDestinationUrl('http://example.com:80')).toBe('http://example.com/');
    expect(normaliseDestinationUrl('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
    for (const refused of [
      '//evil.com',
      '/relative/path',
      'evil.com',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https:evil.com',
      'https:/evil.com',
      'https:\\\\evil.com',
      'https://example.com\\@evil.com',
      'https://example.com@evil.com',
      'https://user:pass@example.com/',
      ' https://example.com/',
      'https://exa\tmple.com/',
      'https://example.com/\n',
      `https://example.com/${'a'.repeat(2100)}`,
    ]) {
      expect(normaliseDestinationUrl(refused), refused).toBeUndefined();
    }
  });

  describe('picking the redirect of a request', () => {
    const redirects = buildLinkRedirects({
      code: 'c0de',
      landingUrl: 'https://example.com/welcome?src=ref',
      allowedDestinations: ['https://example.com/pricing', 'https://docs.example.com/start/?lang=en'],
    });
    const landing = 'https://example.com/welcome?src=ref&wp_ref=c0de';

    it('honours `to` naming an allowed destination, in any equivalent spelling', () => {
      expect(pickRedirect(redirects, 'https://example.com/pricing')).toBe(
        'https://example.com/pricing?wp_ref=c0de',
      );
      expect(pickRedirect(redirects, 'HTTPS://EXAMPLE.com:443/pricing/')).toBe(
        'https://example.com/pricing?wp_ref=c0de',
      );
      expect(pickRedirect(redirects, 'https://docs.example.com/start?lang=en')).toBe(
        'https://docs.example.com/start/?lang=en&wp_ref=c0de',
      );
    });

    it('answers the landing URL for anything else: no open redirect', () => {
      for (const requested of [
        undefined,
        '',
        ['https://example.com/pricing', 'https://evil.com'],
        'https://evil.com',
        '//evil.com',
        '//example.com/pricing',
        '/pricing',
        'javascript:alert(document.cookie)',
        'https%3A%2F%2Fexample.com%2Fpricing',
        'https://example.com.evil.com/pricing',
        'https://example.com/pricing.evil.com',
        'https://example.com/pricing/../../evil',
        'https://example.com/pricingx',
        'https://example.com/pricing?x=1',
        'https://example.com@evil.com/pricing',
        'https://evil.com/https://example.com/pricing',
        'http://example.com/pricing',
        'https://example.com\\pricing',
        'https://example.com/%70ricing',
      ]) {
        expect(pickRedirect(redirects, requested), String(requested)).toBe(landing);
      }
    });

    it('uses the landing URL when a track allows no other destination', () => {
      const only = buildLinkRedirects({
        code: 'x',
        landingUrl: 'https://example.com',
        allowedDestinations: [],
      });
      expect(pickRedirect(only, 'https://example.com/')).toBe('https://example.com/?wp_ref=x');
    });
  });
});
