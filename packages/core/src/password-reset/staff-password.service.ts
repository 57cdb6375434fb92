import { newId } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { linkTokenHash, newLinkToken } from '../common/link-token.js';
import { ConflictError, NotFoundError, parseInput, UnauthorizedError, ValidationError } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { type MailErrorReporter, sendInBackground } from '../portal/background-mail.js';
import { deleteSessionRowsOf } from '../sessions/session.repository.js';
import type { PasswordHasher } from '../users/password.js';
import { clearSignInFailures } from '../users/sign-in-failure.repository.js';
import { assertMayManage, type StaffActor } from '../users/staff-account-rules.js';
import { findUserRowByEmail, findUserRowById, updateUserRow } from '../users/user.repository.js';
import { emailSchema, passwordSchema, type User } from '../users/user.schema.js';
import { toUser } from '../users/user-record.js';
import { type PasswordLinkDeps, resolvePasswordLinkDeps } from './password-link-deps.js';
import {
  consumeResetRow,
  deleteResetRowsOf,
  findUsableResetRow,
  insertPasswordResetRow,
} from './password-reset.repository.js';
import { passwordResetEmail } from './password-reset-email.js';

/** How long an emailed password reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/** Audit actions written by {@link StaffPasswordService}. */
export const PASSWORD_AUDIT_ACTIONS = {
  resetRequested: 'auth.password_reset_requested',
  resetSent: 'auth.password_reset_sent',
  reset: 'auth.password_reset',
  changed: 'auth.password_changed',
} as const;

/** Dependencies of {@link StaffPasswordService}. */
export type StaffPasswordServiceDeps = PasswordLinkDeps;

/** Staff passwords after sign-up: reset by an emailed link, and change by the signed-in user. */
export class StaffPasswordService {
  readonly #db: Executor;
  readonly #mailer: Mailer;
  readonly #publicUrl: string;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;
  readonly #onMailError: MailErrorReporter;

  constructor(deps: StaffPasswordServiceDeps) {
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
   * Emails a 1-hour single-use reset link when the email belongs to an enabled account; otherwise does nothing.
   * Returns nothing either way and sends in the background, so neither the answer nor its timing tells whether
   * the account exists.
   */
  async requestReset(email: string, context: { ip?: string | null } = {}): Promise<void> {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) return;
    const user = await findUserRowByEmail(this.#db, parsed.data);
    if (!user || user.disabled_at !== null) return;
    const url = await this.#issueResetLink(user, {
      actor: { type: 'system', id: null },
      ip: context.ip ?? null,
      action: PASSWORD_AUDIT_ACTIONS.resetRequested,
    });
    sendInBackground(
      this.#mailer,
      passwordResetEmail({ to: user.email, name: user.name, url }),
      this.#onMailError,
    );
  }

  /**
   * An owner or admin sends a staff member a reset link from the console (audited as theirs), for someone who
   * cannot use "Forgot password?" themselves. The rules of `staff-account-rules.ts` apply: not one's own account
   * (change it instead), and only accounts whose role the actor may give (admins cannot reset owners). A disabled
   * account is a `ConflictError`: it cannot sign in, so a link would only mislead. Waits for the email, so a mail
   * failure reaches the person who clicked.
   */
  async sendResetFor(targetId: string, actor: StaffActor, context: AuditContext): Promise<{ email: string }> {
    const user = isUuid(targetId) ? await findUserRowById(this.#db, targetId) : undefined;
    if (!user) throw new NotFoundError(`No user with id ${targetId.slice(0, 100)}`);
    assertMayManage(actor, user);
    if (user.disabled_at !== null) {
      throw new ConflictError(`${user.email} is disabled; enable the account before sending a reset link`);
    }
    const url = await this.#issueResetLink(user, {
      actor: context.actor,
      ip: context.ip ?? null,
      action: PASSWORD_AUDIT_ACTIONS.resetSent,
    });
    await this.#mailer.send(passwordResetEmail({ to: user.email, name: user.name, url }));
    return { email: user.email };
  }

  /** Stores a new 1-hour reset link of `user` with its audit entry; returns the link to email. */
  async #issueResetLink(
    user: { id: string },
    audit: { actor: AuditContext['actor']; ip: string | null; action: string },
  ): Promise<string> {
    const now = this.#clock.now();
    const { token, tokenHash } = newLinkToken();
    await this.#db.transaction().execute(async (trx) => {
      await insertPasswordResetRow(trx, {
        id: newId(),
        user_id: user.id,
        token_hash: tokenHash,
        created_at: now,
        expires_at: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      });
      await recordAudit(trx, {
        actor: audit.actor,
        action: audit.action,
        target: { type: 'user', id: user.id },
        ip: audit.ip,
        at: now,
      });
    });
    return `${this.#publicUrl}/admin/reset-password?token=${token}`;
  }

  /**
   * Sets a new password from a reset link (audited): the link and every other reset link of the account stop
   * working, every session of the account ends and any lock-out is lifted. A link that is not usable (tampered,
   * unknown, expired, used, account disabled) is a `ValidationError` on `token`.
   */
  async resetPassword(token: string, password: string, context: { ip?: string | null } = {}): Promise<User> {
    const newPassword = parseInput(passwordSchema, password);
    const tokenHash = linkTokenHash(token);
    const now = this.#clock.now();
    const found = tokenHash ? await findUsableResetRow(this.#db, tokenHash, now) : undefined;
    if (!found) throw invalidResetLink();
    const passwordHash = await this.#passwords.hash(newPassword);
    return this.#db.transaction().execute(async (trx) => {
      const userId = await consumeResetRow(trx, found.id, now);
      if (!userId) throw invalidResetLink();
      const row = await updateUserRow(trx, userId, { password_hash: passwordHash, updated_at: now });
      await deleteResetRowsOf(trx, userId);
      await deleteSessionRowsOf(trx, { type: 'user', id: userId });
      await clearSignInFailures(trx, row.email);
      await recordAudit(trx, {
        actor: { type: 'user', id: userId },
        action: PASSWORD_AUDIT_ACTIONS.reset,
        target: { type: 'user', id: userId },
        ip: context.ip ?? null,
        at: now,
      });
      return toUser(row);
    });
  }

  /**
   * Changes the password of a signed-in user who knows the current one (audited). Their other sessions end; the
   * one given in `keepSessionId` (the one they are using) stays. A wrong current password is an
   * `UnauthorizedError`.
   */
  async changePassword(
    userId: string,
    passwords: { currentPassword: string; newPassword: string },
    context: { keepSessionId?: string; ip?: string | null } = {},
  ): Promise<User> {
    const newPassword = parseInput(passwordSchema, passwords.newPassword);
    const current = await findUserRowById(this.#db, userId);
    const isMatch = await this.#passwords.verify(
      current?.password_hash ?? this.#passwords.dummyHash,
      passwords.currentPassword,
    );
    if (!current || current.password_hash === null || !isMatch) {
      throw new UnauthorizedError('The current password is incorrect');
    }
    const passwordHash = await this.#passwords.hash(newPassword);
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const row = await updateUserRow(trx, userId, { password_hash: passwordHash, updated_at: now });
      await deleteResetRowsOf(trx, userId);
      await deleteSessionRowsOf(trx, { type: 'user', id: userId }, context.keepSessionId);
      await recordAudit(trx, {
        actor: { type: 'user', id: userId },
        action: PASSWORD_AUDIT_ACTIONS.changed,
        target: { type: 'user', id: userId },
        ip: context.ip ?? null,
        at: now,
      });
      return toUser(row);
    });
  }
}

function invalidResetLink(): ValidationError {
  const message = 'This reset link is not valid or has expired; ask for a new one';
  return new ValidationError([{ path: 'token', message }], message);
}
