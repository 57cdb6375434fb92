import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { SecretBox } from '../common/secret-box.js';
import type { DomainEventMessage } from '../domain-events/emit-domain-event.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { startTestWebhookReceiver, type TestWebhookReceiver } from './test-webhook-receiver.js';
import { WebhookDeliveryFailedError, WebhookService } from './webhook.service.js';

const staff = { actor: { type: 'user' as const, id: '0190a000-0000-7000-8000-0000000000aa' } };
const kinds = await testDatabaseKinds();

function domainEvent(type: string, data: Record<string, unknown>): DomainEventMessage {
  // A UUIDv7-looking id, unique per call, as emitDomainEvent makes them.
  const suffix = Math.floor(Math.random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');
  return { id: `0190b000-0000-7000-8000-${suffix}`, type, occurredAt: '2026-06-01T09:30:00.000Z', data };
}

function headersOf(request: {
  headers: Record<string, string | string[] | undefined>;
}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );
}

describe.each(kinds)('webhooks on %s', (kind) => {
  let database: TestDatabase;
  let webhooks: WebhookService;
  let audit: AuditService;
  let receiver: TestWebhookReceiver;
  const box = new SecretBox('webhook-test-key-0123456789-0123456789');
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Deliveries go to a receiver on loopback; the address guard has its own suite.
    webhooks = new WebhookService({ db: database.db, secretBox: box, allowPrivateAddresses: true });
    audit = new AuditService({ db: database.db });
    receiver = await startTestWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
  });

  it('creates an endpoint with a whsec_ secret shown once and stored sealed, audited without it', async () => {
    const created = await webhooks.createEndpoint(
      {
        url: 'https://hooks.example.com/warmpath',
        events: ['referral.created', 'referral.created'],
        description: 'CRM',
      },
      staff,
    );
    expect(created).toMatchObject({
      url: 'https://hooks.example.com/warmpath',
      events: ['referral.created'],
      description: 'CRM',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);

    const row = await database.db
      .selectFrom('webhook_endpoints')
      .select('secret_sealed')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(created.secret.slice(6));
    expect(box.open(row.secret_sealed)).toBe(created.secret);

    expect(await webhooks.getEndpoint(created.id)).not.toHaveProperty('secret');
    const [entry] = (await audit.list({ targetId: created.id })).data;
    expect(entry).toMatchObject({ action: 'webhook_endpoint.created', actor: staff.actor });
    expect(JSON.stringify(entry)).not.toContain(created.secret.slice(6));
    await webhooks.deleteEndpoint(created.id);
  });

  it('subscribes to everything with "*" alone', async () => {
    const created = await webhooks.createEndpoint({
      url: 'http://localhost:9/all',
      events: ['referral.created', '*'],
    });
    expect(created.events).toEqual(['*']);
    await webhooks.deleteEndpoint(created.id);
  });

  it('refuses non-http URLs, unknown event types and unknown fields, naming each', async () => {
    const error = await webhooks
      .createEndpoint({
        url: 'ftp://example.com/hook',
        // @ts-expect-error: testing what an untyped client may send
        events: ['referral.created', 'deal.won'],
        secret: 'mine',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['url', 'events.1', 'secret']),
    );
    await expect(webhooks.createEndpoint({ url: 'https://example.com/', events: [] })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('lists endpoints page by page and deletes them (audited); unknown ids are not found', async () => {
    const made = [];
    for (const name of ['a', 'b', 'c']) {
      made.push(await webhooks.createEndpoint({ url: `https://list.example.com/${name}`, events: ['*'] }));
    }
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await webhooks.listEndpoints({ limit: 2, ...(cursor ? { cursor } : {}) });
      all.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.map((endpoint) => endpoint.url)).toEqual(expect.arrayContaining(made.map((e) => e.url)));
    expect(JSON.stringify(all)).not.toContain('whsec_');

    for (const endpoint of made) await webhooks.deleteEndpoint(endpoint.id, staff);
    await expect(webhooks.deleteEndpoint(made[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(webhooks.getEndpoint('not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    const remaining = (await webhooks.listEndpoints()).data.map((endpoint) => endpoint.id);
    expect(remaining).not.toContain(made[0]!.id);
    const [entry] = (await audit.list({ targetId: made[0]!.id, action: 'webhook_endpoint.deleted' })).data;
    expect(entry).toMatchObject({ actor: staff.actor, changes: { url: { after: null } } });
  });

  describe('delivery', () => {
    let secret: string;
    let endpointId: string;
    beforeAll(async () => {
      const created = await webhooks.createEndpoint({ url: receiver.url, events: ['referral.created'] });
      secret = created.secret;
      endpointId = created.id;
      await webhooks.createEndpoint({
        url: 'https://elsewhere.example.invalid/',
        events: ['participant.created'],
      });
    });

    it('creates one delivery per subscribed endpoint, once per event', async () => {
      const event = domainEvent('referral.created', { id: 'r1' });
      const jobs = await webhooks.createDeliveries(event);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toEqual({
        name: 'webhooks.deliver',
        payload: { deliveryId: expect.any(String) },
        idempotencyKey: `webhook:${jobs[0]!.payload.deliveryId}:0`,
      });
      expect(await webhooks.createDeliveries(event)).toEqual(jobs);
      const log = await webhooks.listDeliveries(endpointId);
      expect(log.data.filter((delivery) => delivery.messageId === event.id)).toHaveLength(1);
      expect(await webhooks.createDeliveries(domainEvent('reward.issued', {}))).toEqual([]);
    });

    it('signs per Standard Webhooks; a refused attempt is retried with the same webhook-id', async () => {
      const event = domainEvent('referral.created', { id: 'r2', company: { domain: 'acme.com' } });
      const [job] = await webhooks.createDeliveries(event);
      const deliveryId = job!.payload.deliveryId;
      receiver.respondWith(500);
      const before = receiver.requests.length;

      const failure = await webhooks
        .attemptDelivery(deliveryId, { isLastAttempt: false })
        .catch((caught: unknown) => caught);
      expect(failure).toBeInstanceOf(WebhookDeliveryFailedError);
      expect((failure as WebhookDeliveryFailedError).delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        lastError: expect.stringContaining('500'),
      });

      const outcome = await webhooks.attemptDelivery(deliveryId, { isLastAttempt: false });
      expect(outcome).toMatchObject({ status: 'succeeded', delivery: { attempts: 2, lastStatusCode: 200 } });

      const [first, second] = receiver.requests.slice(before);
      for (const request of [first!, second!]) {
        expect(request.headers['webhook-id']).toBe(event.id);
        expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
        expect(new Webhook(secret).verify(request.body, headersOf(request))).toEqual({
          type: 'referral.created',
          timestamp: '2026-06-01T09:30:00.000Z',
          data: { id: 'r2', company: { domain: 'acme.com' } },
        });
      }
      expect(first!.body.startsWith('{"type":"referral.created","timestamp"')).toBe(true);
      expect(() =>
        new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(first!.body, headersOf(first!)),
      ).toThrow();

      // Delivered: a stale retry of the same job sends nothing more.
      expect(await webhooks.attemptDelivery(deliveryId, { isLastAttempt: false })).toEqual({
        status: 'skipped',
      });
      expect(receiver.requests.length).toBe(before + 2);
    });

    it('marks a delivery failed after its last attempt, and a redelivery sends it again', async () => {
      const event = domainEvent('referral.created', { id: 'r3' });
      const [job] = await webhooks.createDeliveries(event);
      const deliveryId = job!.payload.deliveryId;
      receiver.respondWith(503);
      await expect(webhooks.attemptDelivery(deliveryId, { isLastAttempt: true })).rejects.toBeInstanceOf(
        WebhookDeliveryFailedError,
      );
      const failed = (await webhooks.listDeliveries(endpointId)).data.find((d) => d.id === deliveryId);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 503, deliveredAt: null });
      expect(await webhooks.attemptDelivery(deliveryId, { isLastAttempt: false })).toEqual({
        status: 'skipped',
      });

      const redelivered = await webhooks.redeliver(endpointId, deliveryId, staff);
      expect(redelivered).toMatchObject({ id: deliveryId, status: 'pending', messageId: event.id });
      const outbox = await database.db
        .selectFrom('outbox')
        .select(['job_name', 'payload', 'idempotency_key'])
        .where('idempotency_key', '=', `webhook:${deliveryId}:1`)
        .execute();
      expect(outbox).toEqual([
        { job_name: 'webhooks.deliver', payload: { deliveryId }, idempotency_key: `webhook:${deliveryId}:1` },
      ]);
      const [entry] = (await audit.list({ targetId: deliveryId })).data;
      expect(entry).toMatchObject({ action: 'webhook_delivery.redelivered', actor: staff.actor });

      const before = receiver.requests.length;
      expect(await webhooks.attemptDelivery(deliveryId, { isLastAttempt: false })).toMatchObject({
        status: 'succeeded',
        delivery: { attempts: 2, status: 'succeeded', deliveredAt: expect.any(String) },
      });
      expect(receiver.requests[before]!.headers['webhook-id']).toBe(event.id);

      await expect(
        webhooks.redeliver(endpointId, '0190b000-0000-7000-8000-000000000000'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        webhooks.redeliver('0190b000-0000-7000-8000-000000000000', deliveryId),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('shows a delivery sent again as pending with no answer yet, not with the answer to the earlier send', async () => {
      const event = domainEvent('referral.created', { id: 'r-again' });
      const [job] = await webhooks.createDeliveries(event);
      const deliveryId = job!.payload.deliveryId;
      receiver.respondWith(200);
      await webhooks.attemptDelivery(deliveryId, { isLastAttempt: false });

      const redelivered = await webhooks.redeliver(endpointId, deliveryId, staff);
      const pending = { status: 'pending', lastStatusCode: null, lastError: null, deliveredAt: null };
      expect(redelivered).toMatchObject(pending);
      const listed = (await webhooks.listDeliveries(endpointId)).data.find((d) => d.id === deliveryId);
      expect(listed).toMatchObject({ ...pending, attempts: 1 });
      // The earlier answer is not lost: the audit entry keeps it.
      const [entry] = (await audit.list({ targetId: deliveryId })).data;
      expect(entry?.changes).toMatchObject({
        status: { before: 'succeeded', after: 'pending' },
        lastStatusCode: { before: 200, after: null },
      });

      expect(await webhooks.attemptDelivery(deliveryId, { isLastAttempt: false })).toMatchObject({
        status: 'succeeded',
        delivery: { attempts: 2, status: 'succeeded', lastStatusCode: 200 },
      });
    });

    it('records network errors and timeouts as failed attempts without a status code', async () => {
      const unreachable = await webhooks.createEndpoint({
        url: 'http://127.0.0.1:9/closed',
        events: ['referral.created'],
      });
      const event = domainEvent('referral.created', { id: 'r4' });
      const jobs = await webhooks.createDeliveries(event);
      const delivery = (await webhooks.listDeliveries(unreachable.id)).data[0]!;
      expect(jobs.map((job) => job.payload.deliveryId)).toContain(delivery.id);
      const failure = await webhooks
        .attemptDelivery(delivery.id, { isLastAttempt: false })
        .catch((caught: unknown) => caught);
      expect((failure as WebhookDeliveryFailedError).delivery).toMatchObject({
        attempts: 1,
        lastStatusCode: null,
        lastError: expect.any(String),
      });

      const hanging = new WebhookService({
        db: database.db,
        secretBox: box,
        allowPrivateAddresses: true,
        timeoutMs: 30,
        fetch: (_url, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          }),
      });
      const slow = await hanging
        .attemptDelivery(delivery.id, { isLastAttempt: false })
        .catch((caught: unknown) => caught);
      expect((slow as WebhookDeliveryFailedError).delivery).toMatchObject({
        attempts: 2,
        lastStatusCode: null,
        lastError: 'No answer within 30 ms',
      });
      const rekeyed = new WebhookService({
        db: database.db,
        secretBox: new SecretBox('another-key-0123456789-0123456789'),
        allowPrivateAddresses: true,
      });
      const unsigned = await rekeyed
        .attemptDelivery(delivery.id, { isLastAttempt: false })
        .catch((caught: unknown) => caught);
      expect((unsigned as WebhookDeliveryFailedError).delivery).toMatchObject({
        attempts: 3,
        lastError: expect.stringContaining('WARMPATH_SECRET_KEY'),
      });
      await webhooks.deleteEndpoint(unreachable.id);
      expect(await webhooks.attemptDelivery(delivery.id, { isLastAttempt: false })).toEqual({
        status: 'skipped',
      });
    });
  });
});
