import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MyTrackLink } from './my-track-link.js';

const url = 'https://refer.example.com/r/ABCD1234';
const share = {
  linkedin: { text: `Refer a peer: ${url}`, shareUrl: `https://www.linkedin.com/feed/?text=${url}` },
  email: { subject: 'Refer a peer', body: url, mailto: `mailto:?subject=Refer&body=${url}` },
};

describe('my referral link on a track card', () => {
  it('offers an active track’s link to copy and share', () => {
    const html = renderToStaticMarkup(
      <MyTrackLink track={{ slug: 'clients', name: 'Clients', link: { code: 'ABCD1234', url }, share }} />,
    );
    expect(html).toContain(`value="${url}"`);
    expect(html).toContain('Copy link');
    expect(html).toContain('Share on LinkedIn');
    expect(html).toContain('Share by email');
    expect(html).not.toContain('paused');
  });

  it('says a paused track’s link is not active, with nothing to copy or share', () => {
    const html = renderToStaticMarkup(
      <MyTrackLink track={{ slug: 'clients', name: 'Clients', link: null, share: null }} />,
    );
    expect(html).toContain('This programme is paused; your link is not active.');
    expect(html).not.toMatch(/Copy|Share|\/r\//);
  });
});
