import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED_PATHS } from '../app/logger.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { signIn, staffCookie, trpcClient } from './trpc/trpc-test-client.js';

const stacks = await testStacks();

/** A logger shaped like the production one (same redaction), at the most verbose level, writing into `lines`. */
function capturingLogger(lines: string[]) {
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return pino({ level: 'trace', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

describe.each(stacks)('secrets in logs on $name', (stack) => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack, logger: capturingLogger(lines) });
  });
  afterAll(() => server.close());

  it('never logs API keys, passwords or session tokens carried by requests', async () => {
    const { key } = await server.runtime.services.apiKeys.createApiKey({
      name: 'logged?',
      scopes: ['tracks:read'],
    });
    const wrongPassword = 'hunter2-wrong-password-for-logs';
    const trpc = trpcClient(server.app);
    lines.length = 0;

    const auth = (value: string) => ({ authorization: `Bearer ${value}` });
    await server.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: auth(server.apiKey) });
    await server.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: auth(key) });
    await server.app.inject({ method: 'POST', url: '/api/v1/tracks', headers: auth(key), payload: {} });
    await server.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: auth(`${key}-unknown`) });
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/tracks',
      headers: { ...auth(server.apiKey), 'content-type': 'application/json' },
      payload: `{"slug":"x","name":"${server.owner.password}",`,
    });
    await trpc.mutation('auth.signIn', { email: server.owner.email, password: wrongPassword });
    await trpc.mutation('auth.signIn', { email: 'not-an-email', password: wrongPassword });
    const token = await signIn(server.app, server.owner);
    await trpc.query('admin.system.status', undefined, staffCookie(token));
    await trpc.mutation('auth.signOut', undefined, { ...staffCookie(token), origin: 'https://evil.example' });
    await trpc.mutation('auth.signOut', undefined, staffCookie(token));

    const log = lines.join('');
    // The capture works: requests were logged.
    expect(log).toContain('/api/v1/tracks');
    expect(log).toContain('/trpc/auth.signIn');
    for (const secret of [server.apiKey, key, server.owner.password, wrongPassword, token]) {
      expect(log).not.toContain(secret);
    }
  });
});
