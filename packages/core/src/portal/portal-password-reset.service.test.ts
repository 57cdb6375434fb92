import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { sha256Hex } from '../common/crypto.js';
import { UnauthorizedError, ValidationError } from '../errors.js';
import { MemoryMailer } from '../mail/mailer.js';
import { ParticipantService } from '../participants/participant.service.js';
import { ParticipantLoginService } from '../participants/participant-login.service.js';
import { PASSWORD_RESET_TTL_MS } from '../password-reset/staff-password.service.js';
import { SessionService } from '../sessions/session.service.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { MagicLinkService } from './magic-link.service.js';
import { PortalAccountService } from './portal-account.service.js';
import { PortalPasswordResetService } from './portal-password-reset.service.js';
import { PortalSignInService } from './portal-sign-in.service.js';

const PUBLIC_URL = 'https://refer.example.com';
const kinds = await testDatabaseKinds();

describe.each(kinds)('portal password reset on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let mailer: MemoryMailer;
  let resets: PortalPasswordResetService;
  let signIn: PortalSignInService;
  let accounts: PortalAccountService;
  let sessions: SessionService;
  let audit: AuditService;
  let logins: ParticipantLoginService;
  let magicLinks: MagicLinkService;
  let adaId: string;
  let eveId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-06-01T00:00:00.000Z');
    mailer = new MemoryMailer();
    const db = database.db;
    resets = new PortalPasswordResetService({ db, clock, mailer, publicUrl: PUBLIC_URL });
    accounts = new PortalAccountService({ db, clock });
    signIn = new PortalSignInService({ db, clock, accounts, maxFailures: 3 });
    sessions = new SessionService({ db, clock });
    audit = new AuditService({ db });
    logins = new ParticipantLoginService({ db, clock, publicUrl: PUBLIC_URL });
    magicLinks = new MagicLinkService({ db, clock, mailer, publicUrl: PUBLIC_URL });
    await new TrackService({ db, clock }).create({
      slug: 'clients',
      name: 'Clients',
      kind: 'client',
      landingUrl: 'https://example.com',
    });
    const participants = new ParticipantService({ db, clock, publicUrl: PUBLIC_URL });
    const enrol = async (email: string, name: string) =>
      (await participants.enroll({ email, name, tracks: ['clients'] })).participant.id;
    adaId = await enrol('ada@example.com', 'Ada');
    eveId = await enrol('eve@example.com', 'Eve');
    await db.updateTable('participants').set({ status: 'disabled' }).where('id', '=', eveId).execute();
    await accounts.setPassword(adaId, { password: 'the original passphrase' });
  });
  afterAll(() => database?.close());

  /** Asks for a reset of `email` and returns the emailed link's token. */
  async function resetToken(email = 'ada@example.com'): Promise<string> {
    mailer.clear();
    await resets.requestReset(email, { ip: '192.0.2.4' });
    const link = mailer.lastLinkTo(email) ?? expect.fail(`no reset link mailed to ${email}`);
    expect(link).toMatch(/^https:\/\/refer\.example\.com\/portal\/reset-password\?token=[a-z2-7]{32}$/);
    return new URL(link).searchParams.get('token') ?? '';
  }

  it('emails a 1-hour link to an active participant, storing only its hash, audited without it', async () => {
    const token = await resetToken(' ADA@example.com ');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: 'ada@example.com',
      subject: 'Reset your referral portal password',
    });
    expect(mailer.sent[0]?.text).toContain('Hello Ada');
    const row = await database.db
      .selectFrom('participant_login_tokens')
      .selectAll()
      .where('token_hash', '=', sha256Hex(token))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ participant_id: adaId, purpose: 'password_reset', used_at: null });
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(PASSWORD_RESET_TTL_MS);
    const [entry] = (
      await audit.list({ targetId: adaId, action: 'participant.password_reset_requested', limit: 1 })
    ).data;
    expect(entry).toMatchObject({ actor: { type: 'system', id: null }, ip: '192.0.2.4' });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('sends nothing for unknown, disabled and malformed addresses, answering alike', async () => {
    mailer.clear();
    for (const email of ['nobody@example.com', 'eve@example.com', 'not an email', '']) {
      await expect(resets.requestReset(email)).resolves.toBeUndefined();
    }
    expect(mailer.sent).toEqual([]);
  });

  it('sets the password once: sessions end, other reset links die, the lock-out lifts, nobody is signed in', async () => {
    const older = await resetToken();
    const token = await resetToken();
    const here = await sessions.createSession({ type: 'participant', id: adaId });
    const elsewhere = await sessions.createSession({ type: 'participant', id: adaId });
    // Locked out by failures first: the reset lets them back in.
    for (let failure = 0; failure < 3; failure++) {
      await expect(signIn.signIn('ada@example.com', 'wrong passphrase')).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
    }
    await expect(signIn.signIn('ada@example.com', 'the original passphrase')).rejects.toBeInstanceOf(
      UnauthorizedError,
    );

    await resets.resetPassword({ token, password: 'a brand new passphrase' }, { ip: '192.0.2.5' });
    expect(await signIn.signIn('ada@example.com', 'a brand new passphrase')).toBe(adaId);
    await expect(signIn.signIn('ada@example.com', 'the original passphrase')).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(await sessions.validateSessionToken(here.token)).toBeNull();
    expect(await sessions.validateSessionToken(elsewhere.token)).toBeNull();
    for (const used of [token, older]) {
      await expect(
        resets.resetPassword({ token: used, password: 'yet another passphrase' }),
      ).rejects.toMatchObject({
        issues: [{ path: 'token' }],
      });
    }
    const [entry] = (await audit.list({ targetId: adaId, action: 'participant.password_reset', limit: 1 }))
      .data;
    expect(entry).toMatchObject({ actor: { type: 'participant', id: adaId }, ip: '192.0.2.5' });
    expect(entry?.changes).toMatchObject({ endedSessions: 2 });
  });

  it('refuses expired, tampered and foreign tokens, and bad passwords, changing nothing', async () => {
    const expired = await resetToken();
    clock.advance(PASSWORD_RESET_TTL_MS);
    const token = await resetToken();
    const tampered = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    const loginLinkToken = new URL((await logins.createLoginLink(adaId)).url).searchParams.get('token') ?? '';
    for (const attempt of [expired, tampered, loginLinkToken, 'short', "' or 1=1 --"]) {
      await expect(
        resets.resetPassword({ token: attempt, password: 'hijacked passphrase' }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(resets.resetPassword({ token, password: 'short' })).rejects.toMatchObject({
      issues: [{ path: 'password' }],
    });
    expect(await signIn.signIn('ada@example.com', 'a brand new passphrase')).toBe(adaId);
    // A reset token signs nobody in on the sign-in routes either.
    expect(await logins.consumeLoginToken(token)).toBeNull();
    expect(await magicLinks.consumeMagicLinkToken(token)).toBeNull();
    expect(await logins.peekLoginToken(token)).toBeNull();
    // Still usable for what it is for.
    await resets.resetPassword({ token, password: 'the final passphrase' });
    expect(await signIn.signIn('ada@example.com', 'the final passphrase')).toBe(adaId);
  });

  it('refuses the link of a participant disabled since', async () => {
    const token = await resetToken();
    await database.db
      .updateTable('participants')
      .set({ status: 'disabled' })
      .where('id', '=', adaId)
      .execute();
    await expect(resets.resetPassword({ token, password: 'while disabled 123' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await database.db.updateTable('participants').set({ status: 'active' }).where('id', '=', adaId).execute();
  });
});
