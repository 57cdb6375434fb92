import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_SESSION_COOKIE, STAFF_SESSION_COOKIE } from '../http/session-cookies.js';
import { appRouter } from '../http/trpc/router.js';
import { keysDeep } from '../testing/keys-deep.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { listProcedures } from './access-matrix.js';
import { adminApi, ensureTrack, portalParticipant, staffMember } from './matrix-callers.js';

const stacks = await testStacks();

/** Key names that would carry a credential or its hash. `hasPassword` (a boolean) is fine. */
const SECRET_KEY =
  /^(password|passwordHash|password_hash|secret|secretHash|secret_hash|keyHash|key_hash|tokenHash|token_hash|token)$/i;

/**
 * Secrets are shown once (API keys, webhook secrets) or never (passwords, session tokens): no query of the console
 * or the portal answers with one. Every query is called as an owner (who may read everything) who is also signed in
 * to the portal, with no input and with `{}`, and its answer searched for the credentials planted beforehand.
 */
describe.each(stacks)('no query answers with a secret on $name', (stack) => {
  let server: TestServer;
  let ownerCookie: Record<string, string>;
  const planted: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({ stack });
    const owner = await staffMember(server, 'owner', 'secrets-owner@test.warmpath.local');
    ownerCookie = { cookie: `${STAFF_SESSION_COOKIE}=${owner.token}` };
    planted['owner session token'] = owner.token;
    planted['owner password'] = owner.password;
    const hash = await server.runtime.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', owner.id)
      .executeTakeFirstOrThrow();
    planted['owner password hash'] = hash.password_hash ?? '$argon2id$';
    planted['bootstrap API key'] = server.apiKey;
    planted['created API key'] = (
      await server.runtime.services.apiKeys.createApiKey({ name: 'planted', scopes: ['tracks:read'] })
    ).key;
    const endpoint = await adminApi(server)('POST', '/api/v1/webhook-endpoints', {
      url: 'https://hooks.example.com/warmpath',
      events: ['*'],
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    planted['webhook secret'] = endpoint.json().secret;
    await ensureTrack(server, 'secrets');
    const participant = await portalParticipant(server, 'secrets@partners.example', 'secrets');
    planted['portal session token'] = participant.token;
    // One browser signed in to both: console queries see the owner, portal queries the participant.
    ownerCookie = { cookie: `${ownerCookie.cookie}; ${PORTAL_SESSION_COOKIE}=${participant.token}` };
    const link = await server.runtime.services.participantLogins.createLoginLink(participant.id);
    planted['login link token'] = new URL(link.url).searchParams.get('token') ?? 'missing';
  });
  afterAll(() => server.close());

  it('no console or portal query returns a password, hash, session token, API key or webhook secret', async () => {
    const queries = listProcedures(appRouter).filter((procedure) => procedure.type === 'query');
    const answered: string[] = [];
    const leaks: string[] = [];
    for (const { path } of queries) {
      for (const input of [undefined, {}]) {
        const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
        const res = await server.app.inject({
          method: 'GET',
          url: `/trpc/${path}${query}`,
          headers: ownerCookie,
        });
        if (res.statusCode === 200) answered.push(path);
        for (const [name, secret] of Object.entries(planted)) {
          if (res.body.includes(secret)) leaks.push(`${path} answers with the ${name}`);
        }
        const body = res.json();
        for (const key of keysDeep(body).filter((key) => SECRET_KEY.test(key))) {
          leaks.push(`${path} answers with a "${key}" field`);
        }
      }
    }
    // The walk reached real data, not only input errors.
    expect(answered).toEqual(
      expect.arrayContaining([
        'admin.system.status',
        'admin.tracks.list',
        'portal.me',
        'portal.referrals.list',
      ]),
    );
    expect(leaks).toEqual([]);
  });
});
