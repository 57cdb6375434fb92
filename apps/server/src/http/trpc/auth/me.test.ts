import { assignableRoles, PERMISSIONS, roleCan, STAFF_ROLES } from '@warmpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { dataOf, staffCaller } from '../admin/admin-test-kit.js';
import { trpcClient } from '../trpc-test-client.js';

const stacks = await testStacks();

describe.each(stacks)('auth.me on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack });
  });
  afterAll(() => server?.close());

  it('answers null to someone not signed in', async () => {
    expect(dataOf(await trpcClient(server.app).query('auth.me'))).toBeNull();
  });

  it.each(STAFF_ROLES)(
    'tells a %s exactly what roleCan allows them, and the roles they may give',
    async (role) => {
      const caller = await staffCaller(server, role, `me-${role}`);
      const me = dataOf(await caller.query('auth.me'));
      expect(me).toMatchObject({ id: caller.userId, email: `me-${role}@test.warmpath.local`, role });
      expect([...me.permissions].sort()).toEqual(
        PERMISSIONS.filter((permission) => roleCan(role, permission)).sort(),
      );
      expect(me.assignableRoles).toEqual(assignableRoles(role));
    },
  );
});
