import { seedDashboardScenario } from '@warmpath/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();
const RANGE = { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' };

describe.each(stacks)('admin.dashboard on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let tracks: { trackA: string; trackB: string };
  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    tracks = await seedDashboardScenario(server.runtime.database.db);
  });
  afterAll(() => server.close());

  it('gives the owner weekly series, the funnel and time to accept per track', async () => {
    const summary = dataOf(await owner.query('admin.dashboard.summary', { ...RANGE, bucket: 'week' }));
    expect(summary.buckets).toEqual([
      { start: '2026-03-02', referrals: 3, clicks: 2 },
      { start: '2026-03-09', referrals: 1, clicks: 1 },
    ]);
    expect(summary.funnel.map((stage: { reached: number }) => stage.reached)).toEqual([4, 3, 2, 2, 1]);
    const trackA = summary.tracks.find((track: { trackId: string }) => track.trackId === tracks.trackA);
    expect(trackA.timeToAccept).toMatchObject({ accepted: 2, medianHours: 21, shareWithinSla: 0.5 });
  });

  it('narrows to one track and refuses a malformed query', async () => {
    const summary = dataOf(
      await owner.query('admin.dashboard.summary', { ...RANGE, trackId: tracks.trackB, bucket: 'day' }),
    );
    expect(summary.buckets).toHaveLength(14);
    expect(summary.tracks).toHaveLength(1);
    errorOf(await owner.query('admin.dashboard.summary', { bucket: 'month' }), 'BAD_REQUEST');
    errorOf(await owner.query('admin.dashboard.summary', { ...RANGE, extra: true }), 'BAD_REQUEST');
  });

  it('is refused without a staff session', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/trpc/admin.dashboard.summary' });
    expect(res.json().error.data.code).toBe('UNAUTHORIZED');
  });
});
