import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { SecretBox } from '../common/secret-box.js';
import { ValidationError } from '../errors.js';
import { startTestWebhookReceiver, type TestWebhookReceiver } from './test-webhook-receiver.js';
import { WebhookService } from './webhook.service.js';
import { type HostResolver, isNonPublicAddress, webhookUrlRefusal } from './webhook-url-guard.js';

describe('webhook address guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('treats %s as not public', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34'])(
    'treats %s as public',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );

  const resolver: HostResolver = async (hostname) => {
    const answers: Record<string, string[]> = {
      'hooks.example.com': ['93.184.216.34'],
      'internal.example.com': ['93.184.216.35', '10.0.0.7'],
    };
    const found = answers[hostname];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };

  it('refuses a host when any of its addresses is private, and hosts that do not resolve', async () => {
    expect(await webhookUrlRefusal('https://hooks.example.com/x', resolver)).toBeNull();
    expect(await webhookUrlRefusal('https://internal.example.com/x', resolver)).toContain('10.0.0.7');
    expect(await webhookUrlRefusal('http://127.0.0.1:8080/x', resolver)).toContain('127.0.0.1');
    expect(await webhookUrlRefusal('http://[::1]/x', resolver)).toContain('::1');
    expect(await webhookUrlRefusal('https://nowhere.example.com/x', resolver)).toContain('does not resolve');
  });
});

const kinds = await testDatabaseKinds();

describe.each(kinds)('webhook endpoints on private addresses on %s', (kind) => {
  let database: TestDatabase;
  let receiver: TestWebhookReceiver;
  const box = new SecretBox('webhook-test-key-0123456789-0123456789');
  // hooks.example.com is public until the test points it at loopback (DNS rebinding).
  const answers = new Map<string, string[]>([['hooks.example.com', ['93.184.216.34']]]);
  const resolveHost: HostResolver = async (hostname) => answers.get(hostname) ?? [];
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    receiver = await startTestWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
  });

  it('refuses to create or point an endpoint at a loopback or private address, unless allowed', async () => {
    const guarded = new WebhookService({ db: database.db, secretBox: box, resolveHost });
    await expect(guarded.createEndpoint({ url: receiver.url, events: ['*'] })).rejects.toMatchObject({
      issues: [{ path: 'url', message: expect.stringContaining('127.0.0.1') }],
    });
    const endpoint = await guarded.createEndpoint({ url: 'https://hooks.example.com/in', events: ['*'] });
    await expect(
      guarded.updateEndpoint(endpoint.id, { url: 'http://169.254.169.254/latest/meta-data' }),
    ).rejects.toBeInstanceOf(ValidationError);

    const permissive = new WebhookService({ db: database.db, secretBox: box, allowPrivateAddresses: true });
    const local = await permissive.createEndpoint({ url: receiver.url, events: ['*'] });
    expect(local.url).toBe(receiver.url);
    const audit = new AuditService({ db: database.db });
    expect((await audit.list({ targetId: endpoint.id })).data.map((entry) => entry.action)).toEqual([
      'webhook_endpoint.created',
    ]);
  });

  it('checks again before each attempt, so a host re-pointed at loopback gets nothing', async () => {
    const guarded = new WebhookService({ db: database.db, secretBox: box, resolveHost });
    const endpoint = await guarded.createEndpoint({ url: 'https://hooks.example.com/rebind', events: ['*'] });
    answers.set('hooks.example.com', ['127.0.0.1']);
    await guarded.createDeliveries({
      id: newId(),
      type: 'referral.created',
      occurredAt: new Date().toISOString(),
      data: {},
    });
    const [delivery] = (await guarded.listDeliveries(endpoint.id)).data;
    const failure = await guarded
      .attemptDelivery(delivery?.id ?? '', { isLastAttempt: true })
      .catch((caught: unknown) => caught);
    expect(failure).toMatchObject({
      delivery: { endpointId: endpoint.id, status: 'failed', lastStatusCode: null },
    });
    expect((failure as { delivery: { lastError: string } }).delivery.lastError).toContain('127.0.0.1');
  });
});
