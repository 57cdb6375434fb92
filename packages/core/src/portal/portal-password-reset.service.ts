import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { linkTokenHash } from '../common/link-token.js';
import { parseInput, ValidationError } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import {
  consumeLoginTokenRow,
  deleteUnusedLoginTokenRows,
  findLoginTokenHolder,
  findParticipantStatus,
} from '../participants/login-token.repository.js';
import { issueLoginToken } from '../participants/login-tokens.js';
import { findParticipantIdByEmail } from '../participants/participant.repository.js';
import { type PasswordLinkDeps, resolvePasswordLinkDeps } from '../password-reset/password-link-deps.js';
import { PASSWORD_RESET_TTL_MS } from '../password-reset/staff-password.service.js';
import { deleteSessionRowsOf } from '../sessions/session.repository.js';
import type { PasswordHasher } from '../users/password.js';
import { clearSignInFailures } from '../users/sign-in-failure.repository.js';
import { emailSchema } from '../users/user.schema.js';
import { type MailErrorReporter, sendInBackground } from './background-mail.js';
import {
  PORTAL_AUDIT_ACTIONS,
  type ResetPortalPasswordInput,
  resetPortalPasswordInputSchema,
} from './portal.schema.js';
import { updatePasswordHash } from './portal-account.repository.js';
import type { PortalRequestContext } from './portal-account.service.js';
import { portalPasswordResetEmail } from './portal-emails.js';
import { portalFailureKey } from './portal-sign-in.service.js';

/** Dependencies of {@link PortalPasswordResetService}. */
export type PortalPasswordResetServiceDeps = PasswordLinkDeps;

/**
 * "Forgot your password?" for referrers, on the staff reset's terms: a 1-hour single-use link emailed only to an
 * active participant's address (stored as SHA-256 in `participant_login_tokens`, purpose `password_reset`, so it works
 * on no sign-in route), an answer that never says whether the address is known, and a reset that ends every portal
 * session of the participant, voids their other reset links and lifts a portal lock-out. A reset signs nobody in.
 */
export class PortalPasswordResetService {
  readonly #db: Executor;
  readonly #mailer: Mailer;
  readonly #publicUrl: string;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;
  readonly #onMailError: MailErrorReporter;

  constructor(deps: PortalPasswordResetServiceDeps) {
    ({
      db: this.#db,
      mailer: this.#mailer,
      publicUrl: this.#publicUrl,
      clock: this.#clock,
      passwords: this.#passwords,
      onMailError: this.#onMailError,
    } = resolvePasswordLinkDeps(deps));
  }

  /**
   * Emails a reset link when the address belongs to an active participant; otherwise does nothing. Returns nothing
   * either way and sends in the background, so neither the answer nor its timing tells who takes part. Audited
   * (without the token) against the participant, with the requester's IP.
   */
  async requestReset(email: string, context: PortalRequestContext = {}): Promise<void> {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) return;
    const participantId = await findParticipantIdByEmail(this.#db, parsed.data);
    if (!participantId || (await findParticipantStatus(this.#db, participantId)) !== 'active') return;
    const now = this.#clock.now();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    const { token, name } = await this.#db.transaction().execute(async (trx) => {
      const issued = await issueLoginToken(trx, { participantId, purpose: 'password_reset', now, expiresAt });
      await recordAudit(trx, {
        // Whoever asked is not signed in: the system sends the link, to the participant's own address.
        actor: { type: 'system', id: null },
        action: PORTAL_AUDIT_ACTIONS.passwordResetRequested,
        target: { type: 'participant', id: participantId },
        changes: { resetLinkId: issued.id, expiresAt: expiresAt.toISOString() },
        ip: context.ip ?? null,
        at: now,
      });
      const person = await trx
        .selectFrom('participants')
        .innerJoin('people', 'people.id', 'participants.person_id')
        .select('people.name')
        .where('participants.id', '=', participantId)
        .executeTakeFirstOrThrow();
      return { token: issued.token, name: person.name };
    });
    const url = `${this.#publicUrl}/portal/reset-password?token=${token}`;
    sendInBackground(
      this.#mailer,
      portalPasswordResetEmail({ to: parsed.data, name, url }),
      this.#onMailError,
    );
  }

  /**
   * Sets a new password from a reset link (audited as the participant): the link and their other reset links stop
   * working, every portal session of the participant ends and a portal lock-out of their email is lifted. A link
   * that does not work (tampered, unknown, expired, used, participant disabled) is a `ValidationError` on `token`;
   * a password too short or long one on `password`.
   */
  async resetPassword(input: ResetPortalPasswordInput, context: PortalRequestContext = {}): Promise<void> {
    const { token, password } = parseInput(resetPortalPasswordInputSchema, input);
    const tokenHash = linkTokenHash(token);
    const now = this.#clock.now();
    const holder = tokenHash
      ? await findLoginTokenHolder(this.#db, tokenHash, now, 'password_reset')
      : undefined;
    if (!tokenHash || !holder) throw invalidResetLink();
    // Hashed before the transaction: argon2 takes tens of milliseconds, too long to hold a row lock for.
    const passwordHash = await this.#passwords.hash(password);
    await this.#db.transaction().execute(async (trx) => {
      const participantId = await consumeLoginTokenRow(trx, tokenHash, now, 'password_reset');
      if (participantId !== holder.id) throw invalidResetLink();
      await updatePasswordHash(trx, participantId, passwordHash, now);
      await deleteUnusedLoginTokenRows(trx, participantId, 'password_reset');
      const endedSessions = await deleteSessionRowsOf(trx, { type: 'participant', id: participantId });
      await clearSignInFailures(trx, portalFailureKey(holder.email));
      await recordAudit(trx, {
        actor: { type: 'participant', id: participantId },
        action: PORTAL_AUDIT_ACTIONS.passwordReset,
        target: { type: 'participant', id: participantId },
        changes: { endedSessions },
        ip: context.ip ?? null,
        at: now,
      });
    });
  }
}

function invalidResetLink(): ValidationError {
  const message = 'This reset link is not valid or has expired; ask for a new one';
  return new ValidationError([{ path: 'token', message }], message);
}
