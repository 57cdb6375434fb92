import type { Referral } from '@warmpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, staffCookie, trpcClient } from '../http/trpc/trpc-test-client.js';
import { restCall } from '../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { bootstrap } from './bootstrap.js';
import type { Runtime } from './runtime.js';

const stacks = await testStacks();

/** The same runtime with the demo turned on (the test server boots with it off, on an empty database). */
function withDemo(runtime: Runtime): Runtime {
  return { ...runtime, config: { ...runtime.config, WARMPATH_DEMO: true } };
}

describe.each(stacks)('first-boot bootstrap on $name', (stack) => {
  it('survives several pods bootstrapping the same database at once, the demo filled once', async () => {
    const server = await startTestServer({ stack });
    try {
      const { db } = server.runtime.database;
      await db.deleteFrom('users').execute();
      const reports = await Promise.all([1, 2, 3].map(() => bootstrap(withDemo(server.runtime))));
      expect(reports.every((r) => r.ownerEmail === server.owner.email)).toBe(true);
      const users = await db.selectFrom('users').select('email').execute();
      const [demoStaff, others] = [true, false].map((isDemo) =>
        users.filter((u) => u.email.endsWith('@warmpath-demo.example') === isDemo).map((u) => u.email),
      );
      expect(others).toEqual([server.owner.email]);
      const tracks = await db.selectFrom('tracks').select('slug').orderBy('slug').execute();
      expect(tracks.map((t) => t.slug)).toEqual(['clients', 'employees', 'partners']);
      expect(reports.flatMap((r) => r.seededTracks).sort()).toEqual(['clients', 'employees', 'partners']);
      const filled = reports.filter((r) => r.demoActivity);
      expect(filled.length).toBeLessThanOrEqual(1);
      const participants = await db.selectFrom('participants').select('id').execute();
      expect(participants).toHaveLength(filled[0]?.demoActivity?.participants ?? 0);
      expect(demoStaff).toHaveLength(filled[0]?.demoActivity?.staff ?? 0);
    } finally {
      await server.close();
    }
    // A server boot and a demo seed, on a machine other suites share.
  }, 120_000);
});

describe('the demo on a first start', () => {
  let server: TestServer;
  let referrals: Referral[];
  beforeAll(async () => {
    server = await startTestServer({ env: { WARMPATH_DEMO: 'true' } });
    const response = await restCall(server, 'GET', '/api/v1/referrals?limit=200');
    referrals = response.json<{ data: Referral[] }>().data;
  });
  afterAll(() => server.close());

  it('holds a few referrals for review through the real fraud rules, each with the flags that held it', () => {
    const held = referrals.filter((referral) => referral.status === 'in_review');
    expect(held.map((referral) => referral.company.name).sort()).toEqual([
      'Bluefin Robotics',
      'Verdant Labs',
    ]);
    const codesOf = (name: string) =>
      held.find((referral) => referral.company.name === name)?.fraud.flags.map((flag) => flag.code);
    expect(codesOf('Verdant Labs')).toEqual(['contact_domain.free_mail']);
    expect(codesOf('Bluefin Robotics')).toEqual(expect.arrayContaining(['duplicate.company_in_window']));
    for (const referral of held) expect(referral.fraud.decision).toBe('review');
  });

  it('shows staff moving the referrals along, as the installation owner', () => {
    const moved = referrals.flatMap((referral) =>
      referral.history.filter((entry) => entry.actor.type === 'user'),
    );
    expect(moved.length).toBeGreaterThan(20);
    expect(new Set(moved.map((entry) => entry.actor.id)).size).toBe(1);
  });

  it('tells the console that the program holds demo data', async () => {
    const cookie = staffCookie(await signIn(server.app, server.owner));
    const status = await trpcClient(server.app).query('admin.system.status', undefined, cookie);
    expect(status.json()).toMatchObject({ result: { data: { demoData: true } } });
  });

  it('credits clicks to the referrals they led to', async () => {
    const credited = await server.runtime.database.db
      .selectFrom('clicks')
      .select('referral_id')
      .where('referral_id', 'is not', null)
      .execute();
    expect(credited.length).toBeGreaterThan(0);
  });
});
