import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { DEFAULT_B2B_FORM } from './default-b2b-form.js';
import { trackSchema, updateTrackInputSchema } from './track.schema.js';
import { TrackService } from './track.service.js';
import { changeTrackStatus } from './track-status-change.js';

const staff = { actor: { type: 'user' as const, id: '0190a000-0000-7000-8000-0000000000aa' } };
const kinds = await testDatabaseKinds();

describe.each(kinds)('tracks on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let tracks: TrackService;
  let audit: AuditService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-06-01T00:00:00.000Z');
    tracks = new TrackService({ db: database.db, clock });
    audit = new AuditService({ db: database.db });
  });
  afterAll(() => database?.close());

  it('creates an active track with the documented defaults, in the API shape, audited', async () => {
    const track = await tracks.create(
      { slug: 'resellers', name: 'Resellers', kind: 'partner', landingUrl: 'https://example.com/resellers' },
      staff,
    );
    expect(trackSchema.parse(track)).toEqual(track);
    expect(track).toMatchObject({
      slug: 'resellers',
      status: 'active',
      allowedDestinations: [],
      attributionWindowDays: 90,
      autoAccept: false,
      slaHours: 48,
      form: DEFAULT_B2B_FORM,
      fraudThresholds: { review: 40, block: 80 },
      routing: { rules: [], fallback: 'round_robin' },
      referrerVisibleStages: [
        'submitted',
        'in_review',
        'accepted',
        'rejected',
        'meeting_booked',
        'proposal_sent',
        'closed_won',
        'closed_lost',
      ],
      portalCopy: {},
      createdAt: '2026-06-01T00:00:00.000Z',
    });
    expect(track.form.fields.map((f) => f.key)).toEqual([
      'urgency',
      'budgetRange',
      'currentProvider',
      'scope',
      'timeline',
    ]);
    expect(await tracks.getBySlug('resellers')).toEqual(track);
    const [entry] = (await audit.list({ targetId: track.id, limit: 10 })).data;
    expect(entry).toMatchObject({
      action: 'track.created',
      actor: staff.actor,
      changes: { slug: { before: null, after: 'resellers' }, kind: { before: null, after: 'partner' } },
    });
  });

  it('keeps routing, fraud thresholds, visible stages and portal copy, and patches them without losing the rest', async () => {
    const track = await tracks.create({
      slug: 'routed',
      name: 'Routed',
      kind: 'client',
      landingUrl: 'https://example.com/',
      routing: { rules: [{ field: 'region', equals: 'emea', ownerId: 'user-1' }] },
      fraudThresholds: { review: 30, block: 90 },
      portalCopy: { headline: 'Know a company that needs us?' },
    });
    expect(track.routing.rules).toEqual([{ field: 'region', equals: 'emea', ownerId: 'user-1' }]);
    const patched = await tracks.update('routed', { referrerVisibleStages: ['submitted', 'closed_won'] });
    expect(patched).toMatchObject({
      referrerVisibleStages: ['submitted', 'closed_won'],
      fraudThresholds: { review: 30, block: 90 },
      portalCopy: { headline: 'Know a company that needs us?' },
    });
    await expect(
      tracks.update('routed', { fraudThresholds: { review: 90, block: 10 } }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps slugs unique', async () => {
    const input = {
      slug: 'agencies',
      name: 'Agencies',
      kind: 'partner' as const,
      landingUrl: 'https://example.com/a',
    };
    await tracks.create(input);
    await expect(tracks.create({ ...input, name: 'Agencies again' })).rejects.toBeInstanceOf(ConflictError);
    expect((await tracks.getBySlug('agencies')).name).toBe('Agencies');
  });

  it('stores a full form and reads it back', async () => {
    const track = await tracks.create({
      slug: 'enterprise',
      name: 'Enterprise clients',
      kind: 'client',
      landingUrl: 'https://example.com/enterprise?utm_source=referral',
      allowedDestinations: ['https://example.com/pricing'],
      attributionWindowDays: 365,
      autoAccept: true,
      slaHours: 12,
      form: DEFAULT_B2B_FORM,
    });
    expect(track.form).toEqual(DEFAULT_B2B_FORM);
    expect((await tracks.getBySlug('enterprise')).form).toEqual(DEFAULT_B2B_FORM);
  });

  it('rejects unknown fields, unsafe URLs and inconsistent forms, naming each problem', async () => {
    const attempt = tracks.create({
      slug: 'Bad Slug',
      name: 'Bad',
      kind: 'client',
      landingUrl: 'javascript:alert(1)',
      allowedDestinations: ['ftp://example.com'],
      attributionWindowDays: 731,
      form: {
        fields: [
          { key: 'size', label: 'Size', type: 'select' },
          { key: 'size', label: 'Size again', type: 'text', options: ['a'] },
        ],
      },
      owner: 'me',
    } as never);
    const error = (await attempt.catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'allowedDestinations.0',
      'attributionWindowDays',
      'form.fields.0.options',
      'form.fields.1.key',
      'form.fields.1.options',
      'landingUrl',
      'owner',
      'slug',
    ]);
    expect(await tracks.findBySlug('Bad Slug')).toBeNull();
  });

  it('updates only the given fields, auditing each before and after', async () => {
    await tracks.create({
      slug: 'vars',
      name: 'VARs',
      kind: 'partner',
      landingUrl: 'https://example.com/vars',
      attributionWindowDays: 120,
    });
    clock.advance(1000);
    const updated = await tracks.update('vars', { name: 'Value-added resellers', slaHours: 24 }, staff);
    expect(updated).toMatchObject({
      name: 'Value-added resellers',
      slaHours: 24,
      attributionWindowDays: 120,
    });
    expect(updated.updatedAt).toBe(clock.now().toISOString());
    expect(await tracks.getBySlug('vars')).toEqual(updated);

    const { data } = await audit.list({ targetId: updated.id, action: 'track.updated', limit: 10 });
    expect(data).toHaveLength(1);
    expect(data[0]?.changes).toEqual({
      name: { before: 'VARs', after: 'Value-added resellers' },
      slaHours: { before: 48, after: 24 },
    });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const before = await tracks.getBySlug('vars');
    clock.advance(1000);
    expect(await tracks.update('vars', { name: before.name, slaHours: before.slaHours })).toEqual(before);
    expect(await tracks.update('vars', {})).toEqual(before);
    expect((await audit.list({ targetId: before.id, action: 'track.updated', limit: 10 })).data).toHaveLength(
      1,
    );
  });

  it('writes nothing when every setting is sent back as stored (the editor saving an untouched track)', async () => {
    const created = await tracks.create({
      slug: 'pooled',
      name: 'Pooled',
      kind: 'client',
      landingUrl: 'https://example.com/pooled',
      routing: {
        rules: [
          { field: 'seats', equals: 500, ownerId: 'user-1' },
          { field: 'vip', equals: true, ownerId: 'user-2' },
        ],
        fallback: 'round_robin',
        pool: ['user-2', 'user-1'],
      },
      portalCopy: { headline: 'Know a bank?', description: 'First line\nSecond line' },
    });
    clock.advance(1000);
    const { id, status, createdAt, updatedAt, ...settings } = created;
    // The track as read, sent back as an update (the API's track shape types stages as plain strings).
    expect(await tracks.update('pooled', updateTrackInputSchema.parse(settings), staff)).toEqual(created);
    expect(await tracks.update('pooled', { status }, staff)).toEqual(created);
    expect(await changeTrackStatus({ db: database.db, tracks }, id, 'resume', staff)).toEqual(created);
    const stored = await tracks.getBySlug('pooled');
    expect(stored.updatedAt).toBe(created.updatedAt);
    expect(stored.routing).toEqual(created.routing);
    expect((await audit.list({ targetId: id, action: 'track.updated', limit: 10 })).data).toEqual([]);
  });

  it('renames a slug unless another track holds it, and can pause a track', async () => {
    await expect(tracks.update('vars', { slug: 'agencies' })).rejects.toBeInstanceOf(ConflictError);
    const renamed = await tracks.update('vars', { slug: 'value-resellers', status: 'paused' });
    expect(renamed).toMatchObject({ slug: 'value-resellers', status: 'paused' });
    await expect(tracks.getBySlug('vars')).rejects.toBeInstanceOf(NotFoundError);
    await expect(tracks.update('missing', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(tracks.update('value-resellers', { status: 'deleted' } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('lists every track, oldest first', async () => {
    expect((await tracks.list()).map((track) => track.slug)).toEqual([
      'resellers',
      'routed',
      'agencies',
      'enterprise',
      'value-resellers',
      'pooled',
    ]);
  });
});
