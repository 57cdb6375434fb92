import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('admin.audit on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let manager: StaffCaller;
  let sales: StaffCaller;
  let trackId: string;
  let startedAt: string;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    manager = await staffCaller(server, 'manager', 'mia-manager');
    sales = await staffCaller(server, 'sales', 'sam-sales');
    startedAt = new Date().toISOString();
    const track = dataOf(
      await manager.mutation('admin.tracks.create', {
        slug: 'audited',
        name: 'Audited track',
        kind: 'client',
        landingUrl: 'https://example.com/audited',
      }),
    );
    trackId = track.id;
    await owner.mutation('admin.tracks.pause', { id: trackId });
  });
  afterAll(() => server.close());

  it("shows who changed what, newest first, with the actor's name", async () => {
    const page = dataOf(await owner.query('admin.audit.list', { targetType: 'track', targetId: trackId }));
    expect(page.data.map((entry: { action: string }) => entry.action)).toEqual([
      expect.stringMatching(/^track\./),
      'track.created',
    ]);
    expect(page.data[0].actor).toEqual({ type: 'user', id: owner.userId, name: expect.any(String) });
    expect(page.data[1].actor).toEqual({ type: 'user', id: manager.userId, name: 'mia-manager' });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by actor, action and time window', async () => {
    const byManager = dataOf(await owner.query('admin.audit.list', { actorId: manager.userId }));
    expect(byManager.data.map((entry: { action: string }) => entry.action)).toEqual([
      'track.created',
      'auth.signed_in',
    ]);

    const created = dataOf(await owner.query('admin.audit.list', { action: 'track.created' }));
    expect(created.data.every((entry: { action: string }) => entry.action === 'track.created')).toBe(true);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect(dataOf(await owner.query('admin.audit.list', { from: future })).data).toEqual([]);
    const beforeStart = dataOf(await owner.query('admin.audit.list', { targetId: trackId, to: startedAt }));
    expect(beforeStart.data).toEqual([]);
    const sinceStart = dataOf(await owner.query('admin.audit.list', { targetId: trackId, from: startedAt }));
    expect(sinceStart.data).toHaveLength(2);
  });

  it('pages with a cursor and rejects unknown filters', async () => {
    const first = dataOf(await owner.query('admin.audit.list', { targetId: trackId, limit: 1 }));
    expect(first.data).toHaveLength(1);
    const second = dataOf(
      await owner.query('admin.audit.list', { targetId: trackId, limit: 1, cursor: first.nextCursor }),
    );
    expect(second.data[0].action).toBe('track.created');
    errorOf(await owner.query('admin.audit.list', { who: 'anyone' }), 'BAD_REQUEST');
  });

  it('is closed to roles without audit:read', async () => {
    errorOf(await sales.query('admin.audit.list', {}), 'FORBIDDEN');
  });
});
