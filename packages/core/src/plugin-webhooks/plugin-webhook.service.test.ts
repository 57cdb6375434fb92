import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveryId } from './delivery-id.js';
import { PluginWebhookService } from './plugin-webhook.service.js';
import type { WebhookResultSink } from './webhook-result-sink.js';

const kinds = await testDatabaseKinds();

describe('delivery ids', () => {
  it('prefer the id the plugin read, then the webhook-id header, then the hash of the raw body', () => {
    const headers = { 'webhook-id': 'msg_1' };
    expect(webhookDeliveryId({ pluginDeliveryId: 'evt_9', headers, rawBody: '{}' })).toBe('id:evt_9');
    expect(webhookDeliveryId({ headers, rawBody: '{}' })).toBe('id:msg_1');
    const hashed = webhookDeliveryId({ headers: {}, rawBody: '{"a":1}' });
    expect(hashed).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(webhookDeliveryId({ headers: {}, rawBody: Buffer.from('{"a":1}') })).toBe(hashed);
    expect(
      webhookDeliveryId({ headers: { 'webhook-id': 'x'.repeat(500) }, rawBody: '' }).length,
    ).toBeLessThan(100);
  });
});

describe.each(kinds)('plugin webhook deliveries on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('hands a delivery on once, as an outbox row of the apply job, and calls a second one a replay', async () => {
    const service = new PluginWebhookService({ db: database.db });
    const delivery = {
      pluginId: 'rewards-x',
      instance: 'default',
      deliveryId: 'id:evt_1',
      result: {
        kind: 'rewards' as const,
        providerKey: 'rewards:rewards-x:default:cards',
        updates: [{ ref: 'order-1', status: 'delivered' as const }],
      },
    };
    expect(await service.accept(delivery)).toBe('accepted');
    expect(await service.accept(delivery)).toBe('replayed');
    // Another instance of the plugin has its own ids.
    expect(await service.accept({ ...delivery, instance: 'eu' })).toBe('accepted');
    const rows = await database.db.selectFrom('outbox').select(['job_name', 'payload']).execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      job_name: 'rewards.apply-status',
      payload: { providerKey: 'rewards:rewards-x:default:cards', updates: delivery.result.updates },
    });
  });

  it('records nothing when the sink fails, so the provider can retry', async () => {
    const failing: WebhookResultSink = {
      crmChanges: () => Promise.reject(new Error('sink down')),
      rewardUpdates: () => Promise.reject(new Error('sink down')),
    };
    const delivery = {
      pluginId: 'crm-x',
      instance: 'default',
      deliveryId: 'id:evt_2',
      result: { kind: 'crm' as const, connectorKey: 'crm:crm-x:default:main', changes: [] },
    };
    await expect(
      new PluginWebhookService({ db: database.db, sink: () => failing }).accept(delivery),
    ).rejects.toThrow('sink down');
    expect(await new PluginWebhookService({ db: database.db }).accept(delivery)).toBe('accepted');
  });
});
