import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../../testing/render-console.js';
import { staffMember } from '../../testing/staff.js';
import { enterpriseTrack } from '../../testing/tracks.js';

function card(id: string, company: string, signals: { isSlaBreached: boolean }) {
  return {
    id,
    status: 'submitted',
    company: { id: `c-${id}`, name: company, domain: `${id}.example`, submittedName: company },
    participant: { id: 'p1', name: 'Pat Referrer' },
    owner: null,
    track: { id: enterpriseTrack.id, slug: enterpriseTrack.slug, name: enterpriseTrack.name },
    fraud: { score: 0, decision: 'allow' },
    isSlaBreached: signals.isSlaBreached,
    duplicateOfId: null,
    createdAt: '2026-11-22T00:00:00.000Z',
  };
}

describe('the referrals board', () => {
  it('shows a card’s signals, and nothing (not a lone dash) on a card without any', async () => {
    new FakeTrpcServer()
      .on('auth.me', () => staffMember('manager'))
      .on('admin.tracks.list', () => [enterpriseTrack])
      .on('admin.referrals.board', () => ({
        columns: [
          {
            status: 'submitted',
            count: 2,
            cards: [
              card('quiet', 'Quiet Co', { isSlaBreached: false }),
              card('late', 'Late Co', { isSlaBreached: true }),
            ],
          },
        ],
      }))
      .install();
    renderConsoleAt('/referrals?view=board');
    const cardOf = async (company: string) =>
      within((await screen.findByRole('link', { name: company })).closest('li') as HTMLElement);
    expect((await cardOf('Late Co')).getByText('SLA breached')).toBeTruthy();
    expect((await cardOf('Quiet Co')).queryByText('—')).toBeNull();
  });
});
