import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

describe.each(stacks)('Idempotency-Key on the REST API ($name)', (stack) => {
  let server: TestServer;
  let post: (url: string, body: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    post = (url, body, headers = {}) =>
      server.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json', ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
  });
  afterAll(() => server?.close());

  const track = (slug: string) => ({
    slug,
    name: `Track ${slug}`,
    kind: 'partner',
    landingUrl: 'https://example.com/p',
  });

  it('creates a track once for two POSTs with the same key, answering both with the same 201', async () => {
    const first = await post('/api/v1/tracks', track('idem-partners'), {
      'idempotency-key': 'create-idem-partners',
    });
    const second = await post('/api/v1/tracks', track('idem-partners'), {
      'idempotency-key': 'create-idem-partners',
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const tracks = await server.runtime.services.tracks.list();
    expect(tracks.filter((t) => t.slug === 'idem-partners')).toHaveLength(1);
    const audit = await server.runtime.services.audit.list({
      action: 'track.created',
      targetId: first.json().id,
    });
    expect(audit.data).toHaveLength(1);

    // Without the key the second POST is a new request: the slug is taken.
    expect((await post('/api/v1/tracks', track('idem-partners'))).statusCode).toBe(409);
  });

  it('answers 422 for the same key with a different body', async () => {
    await post('/api/v1/tracks', track('idem-a'), { 'idempotency-key': 'reused-key' });
    const res = await post('/api/v1/tracks', track('idem-b'), { 'idempotency-key': 'reused-key' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await server.runtime.services.tracks.findBySlug('idem-b')).toBeNull();
  });

  it('replays an ingestion result instead of counting the events again as duplicates', async () => {
    const batch = { events: [{ id: 'idem-evt', type: 'x.y', occurredAt: '2026-06-01T00:00:00Z' }] };
    const first = await post('/api/v1/events', batch, { 'idempotency-key': 'batch-1' });
    const replay = await post('/api/v1/events', batch, { 'idempotency-key': 'batch-1' });
    expect(first.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('does not remember invalid requests, and refuses keys over 255 characters', async () => {
    const invalid = await post(
      '/api/v1/tracks',
      { slug: 'Not A Slug' },
      { 'idempotency-key': 'fix-and-retry' },
    );
    expect(invalid.statusCode).toBe(400);
    const fixed = await post('/api/v1/tracks', track('idem-fixed'), { 'idempotency-key': 'fix-and-retry' });
    expect(fixed.statusCode).toBe(201);

    const tooLong = await post('/api/v1/tracks', track('idem-long'), { 'idempotency-key': 'x'.repeat(256) });
    expect(tooLong.statusCode).toBe(400);
    expect(await server.runtime.services.tracks.findBySlug('idem-long')).toBeNull();
  });

  it('replays a webhook endpoint creation, secret included, without storing it in clear', async () => {
    const body = { url: 'https://idem.example.invalid/hooks', events: ['*'] };
    const first = await post('/api/v1/webhook-endpoints', body, { 'idempotency-key': 'endpoint-1' });
    const replay = await post('/api/v1/webhook-endpoints', body, { 'idempotency-key': 'endpoint-1' });
    expect(replay.json()).toEqual(first.json());
    const endpoints = await server.runtime.services.webhooks.listEndpoints({ limit: 200 });
    expect(endpoints.data.filter((e) => e.url === body.url)).toHaveLength(1);
    const rows = await server.runtime.database.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .execute();
    expect(JSON.stringify(rows)).not.toContain(first.json().secret.slice('whsec_'.length));
  });
});
