import { ParticipantSchema, ReferralDetailsSchema, TrackSchema } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { coreFacades } from './core-facades.js';

describe('core service facades for plugins', () => {
  let server: TestServer;
  const api = (url: string, payload: object) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${server.apiKey}` },
      payload,
    });
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('hand plugins referrals, participants and tracks in the SDK shapes, and null for unknown ids', async () => {
    const track = (
      await api('/api/v1/tracks', {
        slug: 'facade',
        name: 'F',
        kind: 'partner',
        landingUrl: 'https://example.com',
      })
    ).json();
    const participant = (
      await api('/api/v1/participants', { email: 'pat@partner.example', name: 'Pat', tracks: ['facade'] })
    ).json();
    const referral = (
      await api('/api/v1/referrals', {
        track: 'facade',
        participantId: participant.id,
        company: { name: 'Umbrella', domain: 'umbrella.example' },
        contacts: [{ name: 'Uma', email: 'uma@umbrella.example', role: 'champion' }],
      })
    ).json();
    const facades = coreFacades(server.runtime.services);

    const details = ReferralDetailsSchema.parse(await facades.referrals.get(referral.id));
    expect(details.referral).toMatchObject({
      id: referral.id,
      trackId: track.id,
      participantId: participant.id,
    });
    expect(details.company.domain).toBe('umbrella.example');
    expect(details.contacts[0]).toMatchObject({ email: 'uma@umbrella.example', role: 'champion' });
    expect(ParticipantSchema.parse(await facades.participants.get(participant.id)).email).toBe(
      'pat@partner.example',
    );
    expect(TrackSchema.parse(await facades.tracks.get(track.id)).slug).toBe('facade');

    expect(await facades.referrals.get('0190a0a0-0000-7000-8000-00000000beef')).toBeNull();
    expect(await facades.referrals.get('not-a-uuid')).toBeNull();
    expect(await facades.participants.get('0190a0a0-0000-7000-8000-00000000beef')).toBeNull();
    expect(await facades.tracks.get('0190a0a0-0000-7000-8000-00000000beef')).toBeNull();
  });
});
