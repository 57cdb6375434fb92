import { emitDomainEvent } from '@warmpath/core';
import { startTestWebhookReceiver, type TestWebhookReceiver } from '@warmpath/core/testing';
import { waitFor } from '@warmpath/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('admin.webhooks on $name', (stack) => {
  let server: TestServer;
  let receiver: TestWebhookReceiver;
  let owner: StaffCaller;
  let manager: StaffCaller;
  let viewer: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    receiver = await startTestWebhookReceiver();
    owner = await ownerCaller(server);
    manager = await staffCaller(server, 'manager', 'max-manager');
    viewer = await staffCaller(server, 'viewer', 'vic-viewer');
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const emit = (type: string, data: Record<string, unknown>) =>
    server.runtime.database.db.transaction().execute((trx) => emitDomainEvent(trx, type, data, new Date()));

  it('creates an endpoint whose secret is shown once, delivers to it and redelivers from the log', async () => {
    const created = dataOf(
      await owner.mutation('admin.webhooks.create', {
        url: receiver.url,
        events: ['referral.created'],
        description: 'CRM',
      }),
    );
    expect(created.secret).toMatch(/^whsec_/);
    const listed = dataOf(await manager.query('admin.webhooks.list', {}));
    const endpoint = listed.data.find((e: { id: string }) => e.id === created.id);
    expect(endpoint).toEqual({
      id: created.id,
      url: receiver.url,
      events: ['referral.created'],
      description: 'CRM',
      createdAt: created.createdAt,
      enabled: true,
      disabledAt: null,
    });

    await emit('referral.created', { referralId: 'r-1' });
    await waitFor(() => receiver.requests.length === 1, { message: 'the first delivery' });
    let deliveries = dataOf(await manager.query('admin.webhooks.deliveries', { endpointId: created.id }));
    await waitFor(
      async () => {
        deliveries = dataOf(await manager.query('admin.webhooks.deliveries', { endpointId: created.id }));
        return deliveries.data[0]?.status === 'succeeded';
      },
      { message: 'the delivery recorded as succeeded' },
    );
    const [delivery] = deliveries.data;
    expect(delivery).toMatchObject({ eventType: 'referral.created', attempts: 1, lastStatusCode: 200 });

    errorOf(await manager.mutation('admin.webhooks.redeliver', { deliveryId: delivery.id }), 'FORBIDDEN');
    const again = dataOf(await owner.mutation('admin.webhooks.redeliver', { deliveryId: delivery.id }));
    expect(again).toMatchObject({ id: delivery.id, status: 'pending' });
    await waitFor(() => receiver.requests.length === 2, { message: 'the redelivery' });
    expect(receiver.requests[1]?.headers['webhook-id']).toBe(receiver.requests[0]?.headers['webhook-id']);
    errorOf(
      await owner.mutation('admin.webhooks.redeliver', {
        deliveryId: '019a0000-0000-7000-8000-000000000000',
      }),
      'NOT_FOUND',
    );
  });

  it('edits, disables (keeping the log readable) and deletes an endpoint, all audited', async () => {
    const { id } = dataOf(
      await owner.mutation('admin.webhooks.create', { url: receiver.url, events: ['*'] }),
    );
    const edited = dataOf(
      await owner.mutation('admin.webhooks.update', {
        id,
        changes: { events: ['referral.status_changed'], description: 'Slack bridge' },
      }),
    );
    expect(edited).toMatchObject({ events: ['referral.status_changed'], description: 'Slack bridge' });

    const disabled = dataOf(
      await owner.mutation('admin.webhooks.update', { id, changes: { enabled: false } }),
    );
    expect(disabled.disabledAt).toEqual(expect.any(String));
    const before = receiver.requests.length;
    await emit('referral.status_changed', { referralId: 'r-2' });
    expect(dataOf(await owner.query('admin.webhooks.deliveries', { endpointId: id })).data).toEqual([]);
    expect(receiver.requests.length).toBe(before);

    const enabled = dataOf(await owner.mutation('admin.webhooks.update', { id, changes: { enabled: true } }));
    expect(enabled.disabledAt).toBeNull();
    errorOf(
      await owner.mutation('admin.webhooks.update', { id, changes: { url: 'ftp://example.com' } }),
      'BAD_REQUEST',
    );

    dataOf(await owner.mutation('admin.webhooks.update', { id, changes: { enabled: false } }));
    expect(dataOf(await owner.mutation('admin.webhooks.delete', { id }))).toEqual({ deleted: true });
    errorOf(await owner.query('admin.webhooks.deliveries', { endpointId: id }), 'NOT_FOUND');
    const audit = await server.runtime.services.audit.list({ targetId: id });
    expect(audit.data.map((entry) => entry.action)).toEqual([
      'webhook_endpoint.deleted',
      'webhook_endpoint.updated',
      'webhook_endpoint.updated',
      'webhook_endpoint.updated',
      'webhook_endpoint.updated',
      'webhook_endpoint.created',
    ]);
    expect(audit.data[2]?.actor).toEqual({ type: 'user', id: owner.userId });
  });

  it('is closed to roles without the webhook permissions', async () => {
    errorOf(await viewer.query('admin.webhooks.list', {}), 'FORBIDDEN');
    errorOf(
      await manager.mutation('admin.webhooks.create', { url: receiver.url, events: ['*'] }),
      'FORBIDDEN',
    );
  });
});

describe('webhook endpoints on private addresses', () => {
  let server: TestServer;
  let owner: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({ env: { WARMPATH_ALLOW_PRIVATE_WEBHOOKS: 'false' } });
    owner = await ownerCaller(server);
  });
  afterAll(() => server?.close());

  it('are refused in the console and the REST API unless WARMPATH_ALLOW_PRIVATE_WEBHOOKS is on', async () => {
    for (const url of ['http://127.0.0.1:9/hooks', 'http://localhost/hooks', 'http://169.254.169.254/']) {
      const message = errorOf(
        await owner.mutation('admin.webhooks.create', { url, events: ['*'] }),
        'BAD_REQUEST',
      );
      expect(message).toMatch(/private or loopback/);
    }
    const rest = await server.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${server.apiKey}` },
      payload: { url: 'http://10.0.0.8/hooks', events: ['*'] },
    });
    expect(rest.statusCode).toBe(400);
    expect(rest.json().errors).toEqual([{ path: 'url', message: expect.stringContaining('10.0.0.8') }]);
  });
});
