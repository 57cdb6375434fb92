import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { sha256Hex } from '../common/crypto.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { ParticipantService } from './participant.service.js';
import { LOGIN_LINK_TTL_MS, ParticipantLoginService } from './participant-login.service.js';

const PUBLIC_URL = 'https://refer.example.com';
const kinds = await testDatabaseKinds();

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token') ?? '';
}

describe.each(kinds)('participant login links on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let logins: ParticipantLoginService;
  let audit: AuditService;
  let adaId: string;
  let bobId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-06-01T00:00:00.000Z');
    logins = new ParticipantLoginService({ db: database.db, clock, publicUrl: PUBLIC_URL });
    audit = new AuditService({ db: database.db });
    await new TrackService({ db: database.db, clock }).create({
      slug: 'clients',
      name: 'Clients',
      kind: 'client',
      landingUrl: 'https://example.com',
    });
    const participants = new ParticipantService({ db: database.db, clock, publicUrl: PUBLIC_URL });
    adaId = (await participants.enroll({ email: 'ada@example.com', name: 'Ada', tracks: ['clients'] }))
      .participant.id;
    bobId = (await participants.enroll({ email: 'bob@example.com', name: 'Bob', tracks: ['clients'] }))
      .participant.id;
  });
  afterAll(() => database?.close());

  it('makes a 15-minute link to the portal, storing only a hash of its token, audited', async () => {
    const context = { actor: { type: 'api_key' as const, id: '0190a000-0000-7000-8000-0000000000ee' } };
    const link = await logins.createLoginLink(adaId, context);
    expect(link.url).toMatch(/^https:\/\/refer\.example\.com\/portal\/login\?token=[a-z2-7]{32}$/);
    expect(link.expiresAt).toBe(new Date(clock.now().getTime() + LOGIN_LINK_TTL_MS).toISOString());
    const token = tokenOf(link.url);
    const rows = await database.db.selectFrom('participant_login_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((row) => row.token_hash)).toContain(sha256Hex(token));

    const [entry] = (
      await audit.list({ targetId: adaId, action: 'participant.login_link_created', limit: 10 })
    ).data;
    expect(entry).toMatchObject({ actor: context.actor, changes: { expiresAt: link.expiresAt } });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('signs in once: a second use of the same link fails', async () => {
    const token = tokenOf((await logins.createLoginLink(adaId)).url);
    expect(await logins.consumeLoginToken(token, { ip: '10.1.2.3' })).toBe(adaId);
    expect(await logins.consumeLoginToken(token)).toBeNull();
    const [signIn] = (await audit.list({ targetId: adaId, action: 'auth.signed_in', limit: 10 })).data;
    expect(signIn).toMatchObject({ actor: { type: 'participant', id: adaId }, ip: '10.1.2.3' });
  });

  it('tells whom a link would sign in without using it, and nothing for a link that would not work', async () => {
    const token = tokenOf((await logins.createLoginLink(adaId)).url);
    for (let look = 0; look < 2; look++) {
      expect(await logins.peekLoginToken(token)).toEqual({ name: 'Ada', email: 'ada@example.com' });
    }
    const signedIn = (await audit.list({ targetId: adaId, action: 'auth.signed_in', limit: 50 })).data.length;
    expect(await logins.consumeLoginToken(token)).toBe(adaId);
    expect((await audit.list({ targetId: adaId, action: 'auth.signed_in', limit: 50 })).data).toHaveLength(
      signedIn + 1,
    );
    expect(await logins.peekLoginToken(token)).toBeNull();

    const late = tokenOf((await logins.createLoginLink(adaId)).url);
    clock.advance(LOGIN_LINK_TTL_MS);
    for (const attempt of [late, '', 'short', "' or 1=1 --", `${token.slice(0, -1)}x`]) {
      expect(await logins.peekLoginToken(attempt)).toBeNull();
    }
  });

  it('stops working after 15 minutes', async () => {
    const token = tokenOf((await logins.createLoginLink(bobId)).url);
    const late = tokenOf((await logins.createLoginLink(bobId)).url);
    clock.advance(LOGIN_LINK_TTL_MS - 1);
    expect(await logins.consumeLoginToken(token)).toBe(bobId);
    clock.advance(1);
    expect(await logins.consumeLoginToken(late)).toBeNull();
  });

  it('refuses unknown, malformed and other links without touching any', async () => {
    const token = tokenOf((await logins.createLoginLink(bobId)).url);
    const forged = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    for (const attempt of [forged, '', 'short', `${token}x`, token.toUpperCase(), "' or 1=1 --"]) {
      expect(await logins.consumeLoginToken(attempt)).toBeNull();
    }
    expect(await logins.consumeLoginToken(token)).toBe(bobId);
  });

  it('makes no link for unknown or malformed participant ids', async () => {
    await expect(logins.createLoginLink('0190a000-0000-7000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(logins.createLoginLink('not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets exactly one of two concurrent uses sign in', async () => {
    const token = tokenOf((await logins.createLoginLink(adaId)).url);
    const results = await Promise.all([logins.consumeLoginToken(token), logins.consumeLoginToken(token)]);
    expect(results.filter((id) => id === adaId)).toHaveLength(1);
    expect(results.filter((id) => id === null)).toHaveLength(1);
  });

  it('refuses links of a disabled participant, old and new', async () => {
    const token = tokenOf((await logins.createLoginLink(bobId)).url);
    await database.db
      .updateTable('participants')
      .set({ status: 'disabled' })
      .where('id', '=', bobId)
      .execute();
    expect(await logins.peekLoginToken(token)).toBeNull();
    expect(await logins.consumeLoginToken(token)).toBeNull();
    await expect(logins.createLoginLink(bobId)).rejects.toBeInstanceOf(ConflictError);
  });
});
