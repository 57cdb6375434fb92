import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('admin.tracks on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let viewer: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    viewer = await staffCaller(server, 'viewer', 'vera-viewer');
  });
  afterAll(() => server.close());

  const newTrack = {
    slug: 'enterprise',
    name: 'Enterprise clients',
    kind: 'client',
    landingUrl: 'https://example.com/enterprise',
    slaHours: 24,
    autoAccept: false,
    form: {
      fields: [
        { key: 'seats', label: 'How many seats?', type: 'number', required: true },
        { key: 'region', label: 'Region', type: 'select', options: ['EMEA', 'Americas'] },
      ],
    },
    routing: { rules: [{ field: 'region', equals: 'EMEA', ownerId: 'someone' }], fallback: 'none' },
    referrerVisibleStages: ['submitted', 'accepted', 'closed_won'],
    portalCopy: { headline: 'Know a company that needs us?', primaryColor: '#c2410c' },
  };

  it('creates a track with every setting and reads it back by id, audited as the staff member', async () => {
    const created = dataOf(await owner.mutation('admin.tracks.create', newTrack));
    expect(created).toMatchObject({ ...newTrack, status: 'active' });
    expect(dataOf(await owner.query('admin.tracks.byId', { id: created.id }))).toEqual(created);
    expect(dataOf(await viewer.query('admin.tracks.list')).map((t: { id: string }) => t.id)).toContain(
      created.id,
    );
    const [entry] = (await server.runtime.services.audit.list({ targetId: created.id, limit: 5 })).data;
    expect(entry).toMatchObject({ action: 'track.created', actor: { type: 'user', id: owner.userId } });
  });

  it('changes only the given settings and refuses unknown ones', async () => {
    const { id } = dataOf(await owner.query('admin.tracks.list')).find(
      (t: { slug: string }) => t.slug === 'enterprise',
    );
    const updated = dataOf(
      await owner.mutation('admin.tracks.update', {
        id,
        changes: {
          slaHours: 8,
          autoAccept: true,
          form: { fields: [{ key: 'budget', label: 'Budget', type: 'text' }] },
          portalCopy: { headline: 'Refer a bank' },
          selfEnrolment: true,
        },
      }),
    );
    expect(updated).toMatchObject({
      selfEnrolment: true,
      slaHours: 8,
      autoAccept: true,
      form: { fields: [{ key: 'budget', label: 'Budget', type: 'text', required: false }] },
      portalCopy: { headline: 'Refer a bank' },
      routing: newTrack.routing,
      referrerVisibleStages: newTrack.referrerVisibleStages,
    });
    errorOf(
      await owner.mutation('admin.tracks.update', { id, changes: { status: 'paused' } }),
      'BAD_REQUEST',
    );
    errorOf(await owner.mutation('admin.tracks.update', { id, changes: { slaHours: 0 } }), 'BAD_REQUEST');
    errorOf(await owner.mutation('admin.tracks.update', { id, changes: {}, extra: 1 }), 'BAD_REQUEST');
    expect(dataOf(await owner.query('admin.tracks.byId', { id })).slaHours).toBe(8);
  });

  it('leaves routing, updatedAt and the audit log alone when the editor sends a track back unchanged', async () => {
    // Routing as set over the REST API: a pool, and rule values that are not text.
    const routing = {
      rules: [
        { field: 'seats', equals: 500, ownerId: 'someone' },
        { field: 'vip', equals: true, ownerId: 'someone-else' },
      ],
      fallback: 'round_robin',
      pool: ['someone-else', 'someone'],
    };
    const created = dataOf(
      await owner.mutation('admin.tracks.create', { ...newTrack, slug: 'pooled', routing }),
    );
    // What the track editor sends for it: every setting it shows, as loaded (the editor's round-trip unit tests).
    const editorPayload = {
      name: created.name,
      slug: created.slug,
      kind: created.kind,
      landingUrl: created.landingUrl,
      allowedDestinations: created.allowedDestinations,
      attributionWindowDays: created.attributionWindowDays,
      autoAccept: created.autoAccept,
      slaHours: created.slaHours,
      form: created.form,
      routing,
      referrerVisibleStages: created.referrerVisibleStages,
      selfEnrolment: created.selfEnrolment,
      portalCopy: created.portalCopy,
    };
    const saved = dataOf(
      await owner.mutation('admin.tracks.update', { id: created.id, changes: editorPayload }),
    );
    expect(saved).toEqual(created);
    expect(dataOf(await owner.query('admin.tracks.byId', { id: created.id })).routing).toEqual(routing);
    const audit = await server.runtime.services.audit.list({
      targetId: created.id,
      action: 'track.updated',
      limit: 10,
    });
    expect(audit.data).toEqual([]);
  });

  it('pauses, archives and resumes a track, refusing moves that do not apply', async () => {
    const { id } = dataOf(
      await owner.mutation('admin.tracks.create', {
        slug: 'partners',
        name: 'Partners',
        kind: 'partner',
        landingUrl: 'https://example.com/partners',
      }),
    );
    expect(dataOf(await owner.mutation('admin.tracks.pause', { id })).status).toBe('paused');
    expect(dataOf(await owner.mutation('admin.tracks.pause', { id })).status).toBe('paused');
    expect(dataOf(await owner.mutation('admin.tracks.archive', { id })).status).toBe('archived');
    expect(errorOf(await owner.mutation('admin.tracks.pause', { id }), 'CONFLICT')).toContain('archived');
    expect(dataOf(await owner.mutation('admin.tracks.resume', { id })).status).toBe('active');
    const audit = await server.runtime.services.audit.list({
      targetId: id,
      action: 'track.updated',
      limit: 10,
    });
    expect(audit.data.map((entry) => entry.changes?.status)).toEqual([
      { before: 'archived', after: 'active' },
      { before: 'paused', after: 'archived' },
      { before: 'active', after: 'paused' },
    ]);
  });

  it('answers NOT_FOUND for an unknown track id', async () => {
    errorOf(
      await owner.query('admin.tracks.byId', { id: '0190a0a0-0000-7000-8000-00000000dead' }),
      'NOT_FOUND',
    );
    errorOf(await owner.mutation('admin.tracks.pause', { id: 'not-a-uuid' }), 'NOT_FOUND');
  });

  it('lets a viewer read tracks but not change them', async () => {
    const { id } = dataOf(await viewer.query('admin.tracks.list'))[0];
    dataOf(await viewer.query('admin.tracks.byId', { id }));
    errorOf(await viewer.mutation('admin.tracks.create', { ...newTrack, slug: 'viewer-made' }), 'FORBIDDEN');
    errorOf(await viewer.mutation('admin.tracks.update', { id, changes: { slaHours: 1 } }), 'FORBIDDEN');
    errorOf(await viewer.mutation('admin.tracks.archive', { id }), 'FORBIDDEN');
  });
});
