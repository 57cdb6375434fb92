import { definePlugin } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, staffCaller } from '../admin-test-kit.js';

const nightly = definePlugin({
  id: 'nightly',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({}),
  register(ctx) {
    ctx.jobs.define('report', { payload: z.object({}), handler: async () => {} });
    ctx.jobs.schedule('report', { cron: '0 3 * * *' });
  },
});

// The procedure only reads the queue's schedules; one stack is enough (the drivers share a contract).
describe('admin.jobs.schedules', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ plugins: [nightly] });
  });
  afterAll(() => server.close());

  it('lists core and plugin schedules with their owner, timing and state', async () => {
    const owner = await ownerCaller(server);
    const schedules = dataOf(await owner.query('admin.jobs.schedules'));
    expect(schedules).toEqual([
      expect.objectContaining({
        name: 'core.housekeeping',
        owner: { kind: 'core' },
        everyMs: 3_600_000,
        cron: null,
        lastRunAt: null,
        nextRunAt: expect.any(String),
      }),
      expect.objectContaining({ name: 'crm.poll', owner: { kind: 'core' }, everyMs: 60_000 }),
      expect.objectContaining({
        name: 'plugin.nightly.default.report',
        owner: {
          kind: 'plugin',
          pluginId: 'nightly',
          instance: 'default',
          job: 'plugin:nightly:default:report',
        },
        everyMs: null,
        cron: '0 3 * * *',
        lastResult: null,
        lastError: null,
      }),
    ]);
  });

  it('is refused to staff who may not read plugins', async () => {
    const sales = await staffCaller(server, 'sales', 'jobs-sales');
    errorOf(await sales.query('admin.jobs.schedules'), 'FORBIDDEN');
  });
});
