import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../../app/build-app.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

const validTrack = {
  slug: 'valid',
  name: 'Valid',
  kind: 'client',
  landingUrl: 'https://example.com/refer',
};

/** The problem body of a 400, checked for the problem+json shape and an `errors` entry for each problem. */
function expectBadRequest(res: LightMyRequestResponse): { path: string; message: string }[] {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400 });
  expect(body.detail).toEqual(expect.any(String));
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors) {
    expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  }
  return body.errors;
}

function pathsOf(errors: { path: string }[]): string[] {
  return errors.map((error) => error.path).sort();
}

describe.each(stacks)('REST v1 bad input on $name', (stack) => {
  let server: TestServer;
  let send: (
    options: Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> },
  ) => Promise<LightMyRequestResponse>;
  const post = (payload: unknown) =>
    send({ method: 'POST', url: '/api/v1/tracks', payload: payload as object });

  beforeAll(async () => {
    server = await startTestServer({ stack });
    send = (options) =>
      server.app.inject({
        ...options,
        headers: { authorization: `Bearer ${server.apiKey}`, ...options.headers },
      });
    expect((await post({ ...validTrack, slug: 'existing' })).statusCode).toBe(201);
  });
  afterAll(() => server.close());

  it('names each unknown field', async () => {
    const errors = expectBadRequest(
      await post({
        ...validTrack,
        color: 'red',
        owner: 'me',
        form: { fields: [{ key: 'k', label: 'K', type: 'text', hint: 'x' }] },
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'body.color', message: expect.any(String) },
        { path: 'body.owner', message: expect.any(String) },
        { path: 'body.form.fields.0.hint', message: expect.any(String) },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('names each field of the wrong type', async () => {
    const errors = expectBadRequest(
      await post({ ...validTrack, name: 5, autoAccept: 'yes', slaHours: '48', allowedDestinations: 'x' }),
    );
    expect(pathsOf(errors)).toEqual([
      'body.allowedDestinations',
      'body.autoAccept',
      'body.name',
      'body.slaHours',
    ]);
  });

  it('names each missing required field', async () => {
    expect(pathsOf(expectBadRequest(await post({})))).toEqual([
      'body.kind',
      'body.landingUrl',
      'body.name',
      'body.slug',
    ]);
  });

  it('rejects a value outside an enum', async () => {
    expect(pathsOf(expectBadRequest(await post({ ...validTrack, kind: 'friend' })))).toEqual(['body.kind']);
  });

  it('rejects invalid and non-http URLs', async () => {
    for (const landingUrl of ['not a url', 'javascript:alert(1)', 'ftp://example.com/x']) {
      expect(pathsOf(expectBadRequest(await post({ ...validTrack, landingUrl })))).toEqual([
        'body.landingUrl',
      ]);
    }
    const errors = expectBadRequest(
      await post({ ...validTrack, allowedDestinations: ['https://ok.example', 'data:text/html,x'] }),
    );
    expect(pathsOf(errors)).toEqual(['body.allowedDestinations.1']);
  });

  it('keeps attributionWindowDays within 1..730', async () => {
    for (const attributionWindowDays of [0, 731, -1, 1.5]) {
      const errors = expectBadRequest(await post({ ...validTrack, attributionWindowDays }));
      expect(pathsOf(errors)).toEqual(['body.attributionWindowDays']);
    }
    for (const [slug, attributionWindowDays] of [
      ['window-min', 1],
      ['window-max', 730],
    ] as const) {
      const res = await post({ ...validTrack, slug, attributionWindowDays });
      expect(res.statusCode).toBe(201);
      expect(res.json().attributionWindowDays).toBe(attributionWindowDays);
    }
  });

  it('names each problem inside the form', async () => {
    const errors = expectBadRequest(
      await post({
        ...validTrack,
        form: {
          fields: [
            { key: 'size', label: 'Size', type: 'select' },
            { key: '1bad', label: 'Bad', type: 'checkbox' },
          ],
        },
      }),
    );
    expect(pathsOf(errors)).toEqual([
      'body.form.fields.0.options',
      'body.form.fields.1.key',
      'body.form.fields.1.type',
    ]);
  });

  it('validates PATCH bodies the same way', async () => {
    const errors = expectBadRequest(
      await send({
        method: 'PATCH',
        url: '/api/v1/tracks/existing',
        payload: { status: 'deleted', slaHours: 0, extra: 1 },
      }),
    );
    expect(pathsOf(errors)).toEqual(['body.extra', 'body.slaHours', 'body.status']);
    const unchanged = await send({ method: 'GET', url: '/api/v1/tracks/existing' });
    expect(unchanged.json()).toMatchObject({ status: 'active', slaHours: 48 });
  });

  const postJson = (payload: string) =>
    send({ method: 'POST', url: '/api/v1/tracks', headers: { 'content-type': 'application/json' }, payload });

  it.each([
    ['a body that is not valid JSON', ['{"slug":', '{slug: "x"}', 'undefined', '{"a":1}}']],
    ['an empty JSON body', ['']],
    ['a JSON body that is not an object', ['null', '[]', '"track"', '42']],
  ])('answers 400 to %s, naming the body', async (_case, payloads) => {
    for (const payload of payloads) {
      expect(pathsOf(expectBadRequest(await postJson(payload))), payload).toEqual(['body']);
    }
  });

  it('answers 400 to prototype-poisoning keys', async () => {
    const res = await send({
      method: 'POST',
      url: '/api/v1/tracks',
      headers: { 'content-type': 'application/json' },
      payload: `{"slug":"proto","name":"P","kind":"client","landingUrl":"https://e.x","__proto__":{"admin":true}}`,
    });
    expectBadRequest(res);
  });

  it('answers 400 naming the field to a huge string, without echoing it', async () => {
    const name = 'n'.repeat(200 * 1024);
    const res = await post({ ...validTrack, slug: 'huge', name });
    expect(pathsOf(expectBadRequest(res))).toEqual(['body.name']);
    expect(res.body.length).toBeLessThan(2000);
  });

  it('answers 413 problem to a body over the limit', async () => {
    const res = await post({ ...validTrack, slug: 'too-big', name: 'n'.repeat(BODY_LIMIT_BYTES + 1) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413 });
  });

  it('answers 400 to a body that is not valid UTF-8', async () => {
    const prefix = Buffer.from('{"slug":"bad-bytes","name":"');
    const suffix = Buffer.from('","kind":"client","landingUrl":"https://example.com"}');
    for (const bytes of [[0xff, 0xfe], [0xc3], [0xed, 0xa0, 0x80]]) {
      const res = await send({
        method: 'POST',
        url: '/api/v1/tracks',
        headers: { 'content-type': 'application/json' },
        payload: Buffer.concat([prefix, Buffer.from(bytes), suffix]),
      });
      expect(pathsOf(expectBadRequest(res))).toEqual(['body']);
    }
    expect((await send({ method: 'GET', url: '/api/v1/tracks/bad-bytes' })).statusCode).toBe(404);
  });

  it('accepts multi-byte UTF-8 text', async () => {
    const res = await send({
      method: 'POST',
      url: '/api/v1/tracks',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: Buffer.from(JSON.stringify({ ...validTrack, slug: 'unicode', name: 'Zürich — 東京 🚀' })),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Zürich — 東京 🚀');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const bodies: [string | undefined, string][] = [
      ['text/plain', JSON.stringify(validTrack)],
      ['application/x-www-form-urlencoded', 'slug=x&name=y'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['application/xml', '<track/>'],
    ];
    for (const [contentType, payload] of bodies) {
      const res = await send({
        method: 'POST',
        url: '/api/v1/tracks',
        headers: contentType ? { 'content-type': contentType } : {},
        payload,
      });
      expect(res.statusCode, `${contentType}: ${res.body}`).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 415 });
    }
  });

  it('answers 400 to a bad route parameter or query', async () => {
    expect(
      pathsOf(expectBadRequest(await send({ method: 'GET', url: `/api/v1/tracks/${'s'.repeat(101)}` }))),
    ).toEqual(['params.slug']);
    expect(
      pathsOf(expectBadRequest(await send({ method: 'GET', url: '/api/v1/audit-log?limit=1&limit=2' }))),
    ).toEqual(['query.limit']);
  });
});
