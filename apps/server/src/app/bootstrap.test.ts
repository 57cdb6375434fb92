import { describe, expect, it } from 'vitest';
import { startTestServer, testStacks } from '../testing/test-server.js';
import { bootstrap } from './bootstrap.js';

const stacks = await testStacks();

describe.each(stacks)('first-boot bootstrap on $name', (stack) => {
  it('survives several pods bootstrapping the same database at once', async () => {
    const server = await startTestServer({ stack, env: { WARMPATH_DEMO: 'true' } });
    try {
      const { db } = server.runtime.database;
      await db.deleteFrom('users').execute();
      await db.deleteFrom('tracks').execute();
      const reports = await Promise.all([1, 2, 3].map(() => bootstrap(server.runtime)));
      expect(reports.every((r) => r.ownerEmail === server.owner.email)).toBe(true);
      const users = await db.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email)).toEqual([server.owner.email]);
      const tracks = await db.selectFrom('tracks').select('slug').orderBy('slug').execute();
      expect(tracks.map((t) => t.slug)).toEqual(['clients', 'employees', 'partners']);
      expect(reports.flatMap((r) => r.seededTracks).sort()).toEqual(['clients', 'employees', 'partners']);
    } finally {
      await server.close();
    }
  });
});
