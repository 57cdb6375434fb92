import type { StaffRole } from '@warmpath/core';
import { seedDashboardScenario } from '@warmpath/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { type Headers, signIn, staffCookie } from './trpc/trpc-test-client.js';

const stacks = await testStacks();

describe.each(stacks)('CSV exports of the console lists on $name', (stack) => {
  let server: TestServer;
  let owner: Headers;
  let tracks: { trackA: string; trackB: string };
  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = staffCookie(await signIn(server.app, server.owner));
    const db = server.runtime.database.db;
    tracks = await seedDashboardScenario(db);
    // A company and a referrer named like spreadsheet formulas.
    await db.updateTable('companies').set({ name: '=HYPERLINK("http://evil.example","x")' }).execute();
    await db.updateTable('people').set({ name: '@SUM(1+1)' }).execute();
  });
  afterAll(() => server.close());

  async function signedIn(role: StaffRole, name: string): Promise<Headers> {
    const credentials = { email: `${name}@test.warmpath.local`, password: 'a long enough password 123' };
    await server.runtime.services.users.createUser({ ...credentials, name, role });
    return staffCookie(await signIn(server.app, credentials));
  }

  const download = (path: string, headers: Headers = {}) =>
    server.app.inject({ method: 'GET', url: `/admin/export/${path}`, headers });
  const linesOf = (body: string) => body.trimEnd().split('\n');

  it('downloads every referral the list shows as an attachment, formulas neutralised', async () => {
    const res = await download('referrals.csv', owner);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="referrals-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = linesOf(res.body);
    expect(header).toContain('"id","created_at","status","track","company"');
    expect(rows).toHaveLength(5);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(res.body).toContain(`"'@SUM(1+1)"`);
    expect(res.body).not.toMatch(/(^|,)"=/m);
  });

  it('applies the list filters given as query parameters', async () => {
    const accepted = linesOf((await download('referrals.csv?status=accepted', owner)).body);
    expect(accepted).toHaveLength(1 + 2);
    const onB = linesOf(
      (await download(`referrals.csv?trackId=${tracks.trackB}&status=proposal_sent`, owner)).body,
    );
    expect(onB).toHaveLength(1 + 1);
    expect(onB[1]).toContain('"B partners"');
    const unowned = linesOf((await download('referrals.csv?ownerId=none&slaBreached=false', owner)).body);
    expect(unowned).toHaveLength(1 + 5);
    const refused = await download('referrals.csv?status=won', owner);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].path).toBe('status');
  });

  it('exports only the track asked for, as the board of that track shows it', async () => {
    const db = server.runtime.database.db;
    for (const trackId of [tracks.trackA, tracks.trackB]) {
      const track = await db
        .selectFrom('tracks')
        .select('name')
        .where('id', '=', trackId)
        .executeTakeFirstOrThrow();
      const onBoard = await db.selectFrom('referrals').select('id').where('track_id', '=', trackId).execute();
      const [, ...rows] = linesOf((await download(`referrals.csv?trackId=${trackId}`, owner)).body);
      expect(rows.map((row) => row.split('","')[0]?.replace('"', '')).sort()).toEqual(
        onBoard.map((row) => row.id).sort(),
      );
      for (const row of rows) expect(row).toContain(`"${track.name}"`);
    }
  });

  it('downloads participants with their tracks and counts', async () => {
    const res = await download(`participants.csv?trackId=${tracks.trackA}`, owner);
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = linesOf(res.body);
    expect(header).toBe(
      '"id","created_at","name","email","title","company","status","tracks","referrals","human_clicks"',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`"'@SUM(1+1)"`);
    expect(rows[0]).toMatch(/"A clients; B partners","5","4"$/);
    const none = linesOf((await download('participants.csv?search=nobody-matches', owner)).body);
    expect(none).toHaveLength(1);
  });

  it('records each export in the audit log with its filters', async () => {
    await download('referrals.csv?status=rejected', owner);
    const [entry] = (await server.runtime.services.audit.list({ action: 'referrals.exported', limit: 1 }))
      .data;
    expect(entry).toMatchObject({ actor: { type: 'user' }, changes: { filters: { status: 'rejected' } } });
  });

  it('refuses anyone without a staff session or without referrals:export', async () => {
    expect((await download('referrals.csv')).statusCode).toBe(401);
    expect((await download('participants.csv', { cookie: 'wp_staff=forged' })).statusCode).toBe(401);
    const sales = await signedIn('sales', 'sue-sales');
    expect((await download('referrals.csv', sales)).statusCode).toBe(403);
    expect((await download('participants.csv', sales)).statusCode).toBe(403);
    const finance = await signedIn('finance', 'fin-finance');
    expect((await download('participants.csv', finance)).statusCode).toBe(200);
  });
});
