import { describe, expect, it } from 'vitest';
import { enterpriseTrack as track } from '../../testing/tracks.js';
import {
  draftToInput,
  emptyFieldDraft,
  newTrackDraft,
  suggestFieldKey,
  suggestSlug,
  trackToDraft,
} from './track-draft.js';

describe('the track editor', () => {
  it('sends back an unchanged track exactly as it loaded it', () => {
    const input = draftToInput(trackToDraft(track));
    expect(input).toEqual({
      name: track.name,
      slug: track.slug,
      kind: track.kind,
      landingUrl: track.landingUrl,
      allowedDestinations: track.allowedDestinations,
      attributionWindowDays: 60,
      autoAccept: false,
      slaHours: 24,
      form: track.form,
      routing: track.routing,
      referrerVisibleStages: track.referrerVisibleStages,
      selfEnrolment: true,
      portalCopy: { headline: 'Refer a bank', primaryColor: '#c2410c' },
    });
  });

  it('sends choices one per line, and none for questions that are not choices', () => {
    const draft = newTrackDraft();
    draft.fields = [
      { ...emptyFieldDraft(), key: 'size', label: 'Size', type: 'select', options: 'Small\n\n Large \n' },
      { ...emptyFieldDraft(), key: 'why', label: 'Why', type: 'text', options: 'left over' },
    ];
    expect(draftToInput(draft).form?.fields).toEqual([
      { key: 'size', label: 'Size', type: 'select', required: false, options: ['Small', 'Large'] },
      { key: 'why', label: 'Why', type: 'text', required: false },
    ]);
  });

  it('lets the server name a number field left empty instead of sending a made-up value', () => {
    const draft = { ...newTrackDraft(), slaHours: '' };
    expect(draftToInput(draft).slaHours).toBeNaN();
  });

  it('suggests keys and slugs the server accepts', () => {
    expect(suggestFieldKey('Company size (seats)')).toBe('company_size_seats');
    expect(suggestFieldKey('2026 budget')).toBe('field_2026_budget');
    expect(suggestSlug('  Enterprise Clients — EMEA ')).toBe('enterprise-clients-emea');
  });
});
