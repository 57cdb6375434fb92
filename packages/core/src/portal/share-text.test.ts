import { describe, expect, it } from 'vitest';
import { buildShareText } from './share-text.js';

const LINK = 'https://refer.example.com/r/ABCD2345';

describe('share text', () => {
  it("puts the link where the track's text names it, every time it does", () => {
    const share = buildShareText({ name: 'Clients', copy: { shareText: 'Try {link} — or {link}' } }, LINK);
    expect(share.linkedin.text).toBe(`Try ${LINK} — or ${LINK}`);
  });

  it('appends the link to a track text that does not name it', () => {
    const share = buildShareText({ name: 'Clients', copy: { shareText: 'We like Acme.' } }, LINK);
    expect(share.linkedin.text).toBe(`We like Acme. ${LINK}`);
  });

  it('falls back to a default naming the track, and to a subject naming it', () => {
    const share = buildShareText({ name: 'Partner program', copy: {} }, LINK);
    expect(share.linkedin.text).toContain('Partner program');
    expect(share.linkedin.text).toContain(LINK);
    expect(share.email.subject).toBe('An introduction: Partner program');
  });

  it('makes share and mailto URLs that decode back to the link and text', () => {
    const share = buildShareText(
      { name: 'Clients', copy: { headline: 'Meet & greet', shareText: 'Hi? {link}' } },
      LINK,
    );
    expect(new URL(share.linkedin.shareUrl).searchParams.get('url')).toBe(LINK);
    const mailto = new URL(share.email.mailto);
    expect(mailto.protocol).toBe('mailto:');
    expect(mailto.searchParams.get('subject')).toBe('Meet & greet');
    expect(mailto.searchParams.get('body')).toBe(share.email.body);
    expect(share.email.body).toContain(`Hi? ${LINK}`);
  });
});
