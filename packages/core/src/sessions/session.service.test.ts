import { sha256 } from '@oslojs/crypto/sha2';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import type { SessionSubject } from './session.schema.js';
import { SessionService } from './session.service.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const alice: SessionSubject = { type: 'user', id: '0190a000-0000-7000-8000-00000000a11c' };
const bob: SessionSubject = { type: 'user', id: '0190a000-0000-7000-8000-0000000000b0' };
const paula: SessionSubject = { type: 'participant', id: '0190a000-0000-7000-8000-00000000a11c' };

const kinds = await testDatabaseKinds();

describe.each(kinds)('sessions on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let sessions: SessionService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-04-01T08:00:00.000Z');
    sessions = new SessionService({ db: database.db, clock });
  });
  afterAll(() => database?.close());

  const storedRow = (id: string) =>
    database.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

  it('hands out an <id>.<secret> token and stores only the SHA-256 of the secret', async () => {
    const { token, session } = await sessions.createSession(alice);
    expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
    const [id, secret] = token.split('.') as [string, string];
    expect(session).toMatchObject({ id, subject: alice, expiresAt: new Date('2026-04-08T08:00:00.000Z') });

    const row = await storedRow(id);
    expect(Buffer.from(row?.secret_hash ?? [])).toEqual(
      Buffer.from(sha256(new TextEncoder().encode(secret))),
    );
    expect(JSON.stringify(row)).not.toContain(secret);

    expect(await sessions.validateSessionToken(token)).toMatchObject({ subject: alice, session: { id } });
  });

  it('rejects a token whose secret was tampered with, and malformed tokens', async () => {
    const { token } = await sessions.createSession(alice);
    const last = token.at(-1) === 'a' ? 'b' : 'a';
    expect(await sessions.validateSessionToken(`${token.slice(0, -1)}${last}`)).toBeNull();
    const [id] = token.split('.');
    for (const malformed of [
      '',
      'no-dot',
      `${id}.`,
      `${id}.${'A'.repeat(32)}`,
      `${token}.extra`,
      `${token} `,
    ]) {
      expect(await sessions.validateSessionToken(malformed)).toBeNull();
    }
    // The real token still works: a forgery does not end the session it aims at.
    expect(await sessions.validateSessionToken(token)).not.toBeNull();
  });

  it('keeps a session in use alive, writing activity back at most once a minute', async () => {
    const { token, session } = await sessions.createSession(alice);
    clock.advance(30_000);
    const early = await sessions.validateSessionToken(token);
    expect(early?.isRenewed).toBe(false);
    expect(early?.session.lastActiveAt).toEqual(session.createdAt);

    clock.advance(31_000);
    const renewed = await sessions.validateSessionToken(token);
    expect(renewed?.isRenewed).toBe(true);
    expect(renewed?.session.lastActiveAt).toEqual(clock.now());
    expect((await storedRow(session.id))?.last_active_at).toEqual(clock.now());

    // Six days of silence, twice: each use pushes the 7-day idle limit forward.
    clock.advance(6 * DAY);
    expect(await sessions.validateSessionToken(token)).not.toBeNull();
    clock.advance(6 * DAY);
    expect(await sessions.validateSessionToken(token)).not.toBeNull();
  });

  it('ends a session left unused for the inactivity timeout, and deletes it', async () => {
    const { token, session } = await sessions.createSession(alice);
    clock.advance(7 * DAY - 1);
    expect(await sessions.validateSessionToken(token)).not.toBeNull();
    clock.advance(7 * DAY);
    expect(await sessions.validateSessionToken(token)).toBeNull();
    expect(await storedRow(session.id)).toBeUndefined();
  });

  it('ends a session at its absolute lifetime however much it is used', async () => {
    const { token, session } = await sessions.createSession(alice);
    for (let day = 5; day < 30; day += 5) {
      clock.advance(5 * DAY);
      expect(await sessions.validateSessionToken(token)).not.toBeNull();
    }
    clock.advance(5 * DAY - MINUTE);
    const lastMinute = await sessions.validateSessionToken(token);
    expect(lastMinute?.session.expiresAt).toEqual(new Date(session.createdAt.getTime() + 30 * DAY));
    clock.advance(MINUTE);
    expect(await sessions.validateSessionToken(token)).toBeNull();
    expect(await storedRow(session.id)).toBeUndefined();
  });

  it('honours shorter limits given to the constructor', async () => {
    const strict = new SessionService({
      db: database.db,
      clock,
      inactivityTimeoutMs: 10 * MINUTE,
      absoluteLifetimeMs: DAY,
    });
    const { token, session } = await strict.createSession(bob);
    expect(session.expiresAt).toEqual(new Date(clock.now().getTime() + 10 * MINUTE));
    clock.advance(6 * MINUTE);
    expect((await strict.validateSessionToken(token))?.session.expiresAt).toEqual(
      new Date(clock.now().getTime() + 10 * MINUTE),
    );
    clock.advance(10 * MINUTE);
    expect(await strict.validateSessionToken(token)).toBeNull();
  });

  it('signs one session out, or every session of one subject', async () => {
    const phone = await sessions.createSession(alice);
    const laptop = await sessions.createSession(alice);
    const other = await sessions.createSession(bob);
    const participant = await sessions.createSession(paula);

    await sessions.invalidateSession(phone.session.id);
    expect(await sessions.validateSessionToken(phone.token)).toBeNull();
    expect(await sessions.validateSessionToken(laptop.token)).not.toBeNull();

    expect(await sessions.invalidateAllSessions(alice)).toBeGreaterThanOrEqual(1);
    expect(await sessions.validateSessionToken(laptop.token)).toBeNull();
    // Same id, other kind of subject: a participant's sessions are not a staff user's.
    expect((await sessions.validateSessionToken(participant.token))?.subject).toEqual(paula);
    expect((await sessions.validateSessionToken(other.token))?.subject).toEqual(bob);
  });

  it('sweeps expired sessions without touching live ones', async () => {
    const stale = await sessions.createSession(bob);
    clock.advance(8 * DAY);
    const fresh = await sessions.createSession(bob);
    expect(await sessions.deleteExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await storedRow(stale.session.id)).toBeUndefined();
    expect(await sessions.validateSessionToken(fresh.token)).not.toBeNull();
  });

  it('refuses a subject that is not a user or participant id', async () => {
    await expect(sessions.createSession({ type: 'user', id: 'alice' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(sessions.createSession({ type: 'admin' as 'user', id: alice.id })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('signs a subject out of one session or of all of them, and audits each with the IP', async () => {
    const auditOf = (action: string, subject: SessionSubject) =>
      database.db
        .selectFrom('audit_log')
        .select(['actor_type', 'actor_id', 'target_type', 'target_id', 'changes', 'ip'])
        .where('action', '=', action)
        .where('actor_id', '=', subject.id)
        .execute();
    const here = await sessions.createSession(paula);
    const elsewhere = await sessions.createSession(paula);
    await sessions.signOut(here.session.id, paula, { ip: '203.0.113.9' });
    expect(await sessions.validateSessionToken(here.token)).toBeNull();
    expect(await sessions.validateSessionToken(elsewhere.token)).not.toBeNull();
    expect(await auditOf('auth.signed_out', paula)).toEqual([
      {
        actor_type: 'participant',
        actor_id: paula.id,
        target_type: 'participant',
        target_id: paula.id,
        changes: null,
        ip: '203.0.113.9',
      },
    ]);

    await sessions.createSession(paula);
    expect(await sessions.signOutEverywhere(paula, { ip: '203.0.113.9' })).toBe(2);
    expect(await sessions.validateSessionToken(elsewhere.token)).toBeNull();
    expect(await auditOf('auth.signed_out_everywhere', paula)).toMatchObject([
      { changes: { sessions: 2 }, ip: '203.0.113.9' },
    ]);
  });

  it('switches a browser to another subject: ends the previous session of that kind, starts a new one', async () => {
    const percy: SessionSubject = { type: 'participant', id: '0190a000-0000-7000-8000-0000000000e1' };
    const before = await sessions.createSession(paula);
    const paulaElsewhere = await sessions.createSession(paula);
    const switched = await sessions.switchSession(percy, before.token);
    expect(switched.session.subject).toEqual(percy);
    expect((await sessions.validateSessionToken(switched.token))?.subject).toEqual(percy);
    expect(await sessions.validateSessionToken(before.token)).toBeNull();
    // Only the browser's own session ends: Paula elsewhere stays signed in.
    expect(await sessions.validateSessionToken(paulaElsewhere.token)).not.toBeNull();

    // The same subject signing in again gets a fresh session too (a planted token is never promoted).
    const again = await sessions.switchSession(percy, switched.token);
    expect(again.session.id).not.toBe(switched.session.id);
    expect(await sessions.validateSessionToken(switched.token)).toBeNull();
  });

  it('leaves alone a previous token of another kind, a forged one and none at all', async () => {
    const percy: SessionSubject = { type: 'participant', id: '0190a000-0000-7000-8000-0000000000e2' };
    const staff = await sessions.createSession(alice);
    await sessions.switchSession(percy, staff.token);
    expect(await sessions.validateSessionToken(staff.token)).not.toBeNull();

    const victim = await sessions.createSession(paula);
    const [id] = victim.token.split('.');
    await sessions.switchSession(percy, `${id}.${'a'.repeat(32)}`);
    expect(await sessions.validateSessionToken(victim.token)).not.toBeNull();

    for (const previous of [undefined, null, '', 'junk']) {
      expect((await sessions.switchSession(percy, previous)).session.subject).toEqual(percy);
    }
    await expect(
      sessions.switchSession({ type: 'participant', id: 'nope' }, victim.token),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await sessions.validateSessionToken(victim.token)).not.toBeNull();
  });
});
