import { describe, expect, it } from 'vitest';
import { enterpriseTrack, pooledTrack, seededTrack, enterpriseTrack as track } from '../../testing/tracks.js';
import { emptyRoutingRuleDraft } from './routing-draft.js';
import {
  draftToInput,
  emptyFieldDraft,
  newTrackDraft,
  suggestFieldKey,
  suggestSlug,
  trackChanges,
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

describe('the track editor round trip', () => {
  it('sends a track with a pool and typed rule values back exactly as stored', () => {
    const input = draftToInput(trackToDraft(pooledTrack));
    expect(input.routing).toEqual(pooledTrack.routing);
    expect(trackChanges(trackToDraft(pooledTrack), trackToDraft(pooledTrack))).toEqual({});
  });

  it('keeps the routing whole when only a rule owner changes', () => {
    const initial = trackToDraft(pooledTrack);
    const draft = { ...initial, routingRules: initial.routingRules.map((rule) => ({ ...rule })) };
    const first = draft.routingRules[0];
    if (first) first.ownerId = 'u-ada';
    expect(trackChanges(initial, draft)).toEqual({
      routing: {
        rules: [{ field: 'seats', equals: 500, ownerId: 'u-ada' }, ...pooledTrack.routing.rules.slice(1)],
        fallback: 'round_robin',
        pool: ['u-grace', 'u-ada'],
      },
    });
  });

  it('sends a value typed for a number question as a number, and any other as text', () => {
    const draft = trackToDraft(enterpriseTrack);
    draft.routingRules = [
      { ...emptyRoutingRuleDraft(), field: 'seats', equals: ' 250 ', ownerId: 'u-ada' },
      { ...emptyRoutingRuleDraft(), field: 'region', equals: '250', ownerId: 'u-ada' },
    ];
    expect(draftToInput(draft).routing?.rules).toEqual([
      { field: 'seats', equals: 250, ownerId: 'u-ada' },
      { field: 'region', equals: '250', ownerId: 'u-ada' },
    ]);
  });

  it('shows the default brand colour of a track without one, and does not send it', () => {
    const draft = trackToDraft(seededTrack);
    expect(draft.primaryColor).toBe('#c2410c');
    expect(draftToInput(draft).portalCopy).toEqual({});
    expect(trackChanges(trackToDraft(seededTrack), { ...draft, headline: 'Refer a friend' })).toEqual({
      portalCopy: { headline: 'Refer a friend' },
    });
    expect(trackChanges(trackToDraft(seededTrack), { ...draft, primaryColor: '#1d4ed8' })).toEqual({
      portalCopy: { primaryColor: '#1d4ed8' },
    });
  });

  it('gives a new track no brand colour unless one is chosen', () => {
    expect(draftToInput(newTrackDraft()).portalCopy).toEqual({});
  });
});
