import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyTrack } from './my-track.js';
import { MyTrackCard } from './my-track-card.js';

const track: MyTrack = {
  slug: 'enterprise',
  name: 'Enterprise',
  kind: 'client',
  copy: {
    headline: 'Know a bank?',
    description: 'We work with banks.\nAnd insurers.\n\n<b>Ask us</b> anything.',
    primaryColor: '#fde047',
  },
  acceptsReferrals: true,
  link: { code: 'abc', url: 'https://refer.example/r/abc' },
  clickCount: 3,
  referralCount: 0,
  share: {
    linkedin: { text: 'Refer', shareUrl: 'https://www.linkedin.com/sharing' },
    email: { subject: 'Refer', body: 'Refer', mailto: 'mailto:?subject=Refer' },
  },
} satisfies MyTrack;

async function renderCard(shown: MyTrack) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <MyTrackCard track={shown} /> }),
    history: createMemoryHistory(),
  });
  render(<RouterProvider router={router} />);
  return screen.findByRole('region', { name: shown.name });
}

describe('my track card', () => {
  it("paints the card and its primary button with the track's colour, labelled in a colour that reads on it", async () => {
    const card = await renderCard(track);
    expect(card.style.getPropertyValue('--wp-color-primary')).toBe('#fde047');
    // Yellow is light: black text reaches AA on it, white does not.
    expect(card.style.getPropertyValue('--wp-color-primary-contrast')).toBe('#000000');
    const refer = screen.getByRole('link', { name: /Refer a company/ });
    expect(refer.className).toContain('wp-button--primary');
    expect(card.contains(refer)).toBe(true);
  });

  it('keeps the theme colours for a track without one', async () => {
    const card = await renderCard({ ...track, copy: { headline: 'Know a bank?' } });
    expect(card.style.getPropertyValue('--wp-color-primary')).toBe('');
  });

  it('shows the description with its line breaks, as text', async () => {
    const card = await renderCard(track);
    const description = screen.getByText(/We work with banks/);
    expect(description.textContent).toBe('We work with banks.\nAnd insurers.\n\n<b>Ask us</b> anything.');
    expect(description.classList.contains('wp-multiline')).toBe(true);
    expect(card.querySelector('b')).toBeNull();
  });
});
