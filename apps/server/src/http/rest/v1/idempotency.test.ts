import { type ApiKey, SecretBox } from '@warmpath/core';
import { createFakeClock, type FakeClock } from '@warmpath/core/testing';
import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { waitFor } from '@warmpath/jobs/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIdempotency } from './idempotency.js';

const kinds = await testDatabaseKinds();

function apiKey(): ApiKey {
  return {
    id: newId(),
    name: 'test',
    prefix: 'wp_test',
    scopes: [],
    createdBy: null,
    createdAt: new Date().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
}

/**
 * A small app with the idempotency hooks and routes whose side effects are counted, standing in for any v1 POST
 * route (the hooks know nothing about routes).
 */
function buildApp(database: TestDatabase, clock: FakeClock) {
  const keys = { a: apiKey(), b: apiKey() };
  const counts = { orders: 0, pings: 0, flaky: 0 };
  let gate: Promise<void> | undefined;
  const app: FastifyInstance = Fastify();
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request) => {
    request.apiKey = request.headers['x-key'] === 'b' ? keys.b : keys.a;
  });
  registerIdempotency(app, {
    database,
    clock,
    secretBox: new SecretBox('idempotency-test-key-0123456789abcdef'),
  });
  app.post('/orders', async (request, reply) => {
    if (gate) await gate;
    counts.orders += 1;
    return reply.code(201).send({ order: counts.orders, received: request.body });
  });
  app.post('/ping', async () => {
    counts.pings += 1;
    return { pings: counts.pings };
  });
  app.post('/flaky', async (_request, reply) => {
    counts.flaky += 1;
    if (counts.flaky === 1) return reply.code(503).send({ error: 'try again' });
    return reply.code(201).send({ attempt: counts.flaky });
  });
  return {
    app,
    keys,
    counts,
    hold() {
      let open = () => {};
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
  };
}

describe.each(kinds)('Idempotency-Key on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let harness: ReturnType<typeof buildApp>;
  const post = (url: string, options: { key?: string; body?: string; apiKey?: 'a' | 'b' } = {}) =>
    harness.app.inject({
      method: 'POST',
      url,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.key === undefined ? {} : { 'idempotency-key': options.key }),
        ...(options.apiKey ? { 'x-key': options.apiKey } : {}),
      },
      ...(options.body === undefined ? {} : { payload: options.body }),
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock(new Date());
    harness = buildApp(database, clock);
    await harness.app.ready();
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.close();
  });

  it('replays the first response for the same key and body without doing the work again', async () => {
    const body = JSON.stringify({ sku: 'A-1', quantity: 2 });
    const first = await post('/orders', { key: 'order-1', body });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const replay = await post('/orders', { key: 'order-1', body });
    expect(replay.statusCode).toBe(201);
    expect(replay.body).toBe(first.body);
    expect(replay.headers['content-type']).toBe(first.headers['content-type']);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(harness.counts.orders).toBe(1);
    const stored = await database.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .where('key', '=', 'order-1')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.response_body)).not.toContain('A-1');

    // Without a key every request does the work.
    await post('/orders', { body });
    await post('/orders', { body });
    expect(harness.counts.orders).toBe(3);
  });

  it('refuses the same key with another body or path (422), and keeps keys per API key', async () => {
    await post('/orders', { key: 'order-2', body: '{"sku":"B"}' });
    const otherBody = await post('/orders', { key: 'order-2', body: '{"sku":"C"}' });
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(otherBody.json()).toMatchObject({ status: 422 });
    expect((await post('/ping', { key: 'order-2' })).statusCode).toBe(422);

    const before = harness.counts.orders;
    const otherClient = await post('/orders', { key: 'order-2', body: '{"sku":"C"}', apiKey: 'b' });
    expect(otherClient.statusCode).toBe(201);
    expect(harness.counts.orders).toBe(before + 1);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const release = harness.hold();
    const first = post('/orders', { key: 'order-3', body: '{"sku":"D"}' });
    await waitFor(async () => {
      const row = await database.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('key', '=', 'order-3')
        .executeTakeFirst();
      return row !== undefined;
    });
    const concurrent = await post('/orders', { key: 'order-3', body: '{"sku":"D"}' });
    expect(concurrent.statusCode).toBe(409);
    release();
    const done = await first;
    expect(done.statusCode).toBe(201);
    expect((await post('/orders', { key: 'order-3', body: '{"sku":"D"}' })).body).toBe(done.body);
  });

  it('does not keep server errors, so the client can retry', async () => {
    expect((await post('/flaky', { key: 'flaky-1' })).statusCode).toBe(503);
    const retried = await post('/flaky', { key: 'flaky-1' });
    expect(retried.statusCode).toBe(201);
    const replay = await post('/flaky', { key: 'flaky-1' });
    expect(replay.body).toBe(retried.body);
    expect(harness.counts.flaky).toBe(2);
  });

  it('works for POSTs without a body', async () => {
    const first = await post('/ping', { key: 'ping-1' });
    const again = await post('/ping', { key: 'ping-1' });
    expect(first.json()).toEqual({ pings: 1 });
    expect(again.body).toBe(first.body);
    expect(harness.counts.pings).toBe(1);
  });

  it('refuses keys longer than 255 characters or empty', async () => {
    const tooLong = await post('/ping', { key: 'k'.repeat(256) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([{ path: 'headers.idempotency-key', message: expect.any(String) }]);
    expect((await post('/ping', { key: '' })).statusCode).toBe(400);
    expect((await post('/ping', { key: 'k'.repeat(255) })).statusCode).toBe(200);
  });

  it('lets a key be used again once abandoned (5 minutes without an answer) or expired (24 hours)', async () => {
    const claim = (key: string, ageMs: number) =>
      database.db
        .insertInto('idempotency_keys')
        .values({
          api_key_id: harness.keys.a.id,
          key,
          method: 'POST',
          path: '/ping',
          request_hash: 'from a process that died',
          created_at: new Date(clock.now().getTime() - ageMs),
        })
        .execute();
    await claim('abandoned', 6 * 60 * 1000);
    const pings = harness.counts.pings;
    expect((await post('/ping', { key: 'abandoned' })).statusCode).toBe(200);
    expect(harness.counts.pings).toBe(pings + 1);

    await post('/orders', { key: 'old-key', body: '{"sku":"E"}' });
    expect((await post('/orders', { key: 'old-key', body: '{"sku":"F"}' })).statusCode).toBe(422);
    clock.advance(25 * 60 * 60 * 1000);
    const reused = await post('/orders', { key: 'old-key', body: '{"sku":"F"}' });
    expect(reused.statusCode).toBe(201);
    expect(reused.json().received).toEqual({ sku: 'F' });
  });
});
