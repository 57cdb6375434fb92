import type { StaffInvitationRow } from '@warmpath/db';
import { newId } from '@warmpath/db';
import { assignableRoles } from '../access/permissions.js';
import type { AuditContext } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUniqueViolation } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { linkTokenHash, newLinkToken } from '../common/link-token.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, ValidationError } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { argon2PasswordHasher, type PasswordHasher } from '../users/password.js';
import { findUserRowByEmail, insertUserRow } from '../users/user.repository.js';
import type { StaffRole, User } from '../users/user.schema.js';
import { USER_AUDIT_ACTIONS } from '../users/user.service.js';
import { auditSnapshot, toUser } from '../users/user-record.js';
import {
  findInvitationRowByHash,
  insertInvitationRow,
  lockInvitationRowByHash,
  lockInvitationRowById,
  markInvitationRow,
  selectPendingInvitationRows,
} from './invitation.repository.js';
import {
  type AcceptInvitationInput,
  acceptInvitationInputSchema,
  INVITATION_AUDIT_ACTIONS,
  INVITATION_TTL_MS,
  type InvitationPreview,
  type InviteStaffInput,
  inviteStaffInputSchema,
  type StaffInvitation,
} from './invitation.schema.js';
import { invitationEmail } from './invitation-email.js';

/** The staff member sending or withdrawing an invitation. */
export interface Inviter {
  id: string;
  name: string;
  role: StaffRole;
}

/** Dependencies of {@link StaffInvitationService}. */
export interface StaffInvitationServiceDeps {
  db: Executor;
  mailer: Mailer;
  /** The base of the links (PUBLIC_URL). */
  publicUrl: string;
  clock?: Clock | undefined;
  passwordHasher?: PasswordHasher | undefined;
}

/**
 * Staff invitations: an admin invites an email with a role; the invitee gets a 7-day single-use link, chooses a
 * password and so creates their account. Only the SHA-256 of a link token is stored.
 */
export class StaffInvitationService {
  readonly #db: Executor;
  readonly #mailer: Mailer;
  readonly #publicUrl: string;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;

  constructor(deps: StaffInvitationServiceDeps) {
    this.#db = deps.db;
    this.#mailer = deps.mailer;
    this.#publicUrl = deps.publicUrl.replace(/\/+$/, '');
    this.#clock = deps.clock ?? systemClock;
    this.#passwords = deps.passwordHasher ?? argon2PasswordHasher;
  }

  /**
   * Invites someone (audited) and emails them the link. The role must be one the inviter may give
   * (`assignableRoles`); an email that already has an account or a pending invitation is a `ConflictError`.
   */
  async invite(input: InviteStaffInput, inviter: Inviter, context: AuditContext): Promise<StaffInvitation> {
    const { email, name, role } = parseInput(inviteStaffInputSchema, input);
    if (!assignableRoles(inviter.role).includes(role)) {
      throw new ForbiddenError(`Your role cannot give the ${role} role`);
    }
    const now = this.#clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const { token, tokenHash } = newLinkToken();
    const row = await this.#db.transaction().execute(async (trx) => {
      if (await findUserRowByEmail(trx, email)) throw new ConflictError(`${email} already has an account`);
      if ((await selectPendingInvitationRows(trx, now, email)).length > 0) {
        throw new ConflictError(`${email} already has a pending invitation; revoke it to send a new one`);
      }
      const inserted = await insertInvitationRow(trx, {
        id: newId(),
        email,
        name,
        role,
        token_hash: tokenHash,
        invited_by: inviter.id,
        created_at: now,
        expires_at: expiresAt,
      });
      await recordAudit(trx, {
        ...context,
        action: INVITATION_AUDIT_ACTIONS.invited,
        target: { type: 'staff_invitation', id: inserted.id },
        changes: { email, name, role },
        at: now,
      });
      return inserted;
    });
    const url = `${this.#publicUrl}/admin/accept-invite?token=${token}`;
    await this.#mailer.send(invitationEmail({ to: email, name, inviterName: inviter.name, url, expiresAt }));
    return toInvitation(row);
  }

  /**
   * Uses an invitation link: creates the account with the invited email and role and the chosen password (audited
   * as the new user's own act). A tampered, unknown, expired, revoked or used link is a `ValidationError` on
   * `token` saying which, so the page can tell the person what to do.
   */
  async accept(input: AcceptInvitationInput, context: { ip?: string | null } = {}): Promise<User> {
    const { token, name, password } = parseInput(acceptInvitationInputSchema, input);
    const tokenHash = linkTokenHash(token);
    const now = this.#clock.now();
    // Checked before hashing, so a bad link costs no argon2 work; checked again under the lock below.
    const found = tokenHash ? await findInvitationRowByHash(this.#db, tokenHash) : undefined;
    const usable = assertUsable(found, now);
    const passwordHash = await this.#passwords.hash(password);
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const invitation = assertUsable(await lockInvitationRowByHash(trx, usable.token_hash), now);
        if (await findUserRowByEmail(trx, invitation.email)) {
          throw new ConflictError(`${invitation.email} already has an account; sign in instead`);
        }
        const user = await insertUserRow(trx, {
          id: newId(),
          email: invitation.email,
          name: name ?? invitation.name,
          role: invitation.role,
          password_hash: passwordHash,
          created_at: now,
          updated_at: now,
        });
        await markInvitationRow(trx, invitation.id, { accepted_at: now });
        const actor = { type: 'user' as const, id: user.id };
        await recordAudit(trx, {
          actor,
          ip: context.ip ?? null,
          action: USER_AUDIT_ACTIONS.created,
          target: { type: 'user', id: user.id },
          changes: diffChanges({}, auditSnapshot(user)),
          at: now,
        });
        await recordAudit(trx, {
          actor,
          ip: context.ip ?? null,
          action: INVITATION_AUDIT_ACTIONS.accepted,
          target: { type: 'staff_invitation', id: invitation.id },
          changes: { invitedBy: invitation.invited_by },
          at: now,
        });
        return toUser(user);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('This account was created meanwhile; sign in instead');
      throw error;
    }
  }

  /**
   * What the invitation page shows before the person chooses a password: the invited email, name and role and
   * when the link stops working. Only for a link that would be accepted now; any other is the same
   * `ValidationError` on `token` that {@link accept} gives, so the page can say what to do and a guessed token
   * learns nothing more than "not valid".
   */
  async preview(token: string): Promise<InvitationPreview> {
    const tokenHash = linkTokenHash(token);
    const found = tokenHash ? await findInvitationRowByHash(this.#db, tokenHash) : undefined;
    const invitation = assertUsable(found, this.#clock.now());
    return {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  /** Invitations still waiting to be accepted, newest first. */
  async listPending(): Promise<StaffInvitation[]> {
    return (await selectPendingInvitationRows(this.#db, this.#clock.now())).map(toInvitation);
  }

  /**
   * Withdraws a pending invitation (audited): its link stops working. Only for invitations whose role the actor
   * may give; revoking a used or revoked one is a `ConflictError`.
   */
  async revoke(id: string, actor: Inviter, context: AuditContext): Promise<StaffInvitation> {
    if (!isUuid(id)) throw invitationNotFound(id);
    return this.#db.transaction().execute(async (trx) => {
      const current = await lockInvitationRowById(trx, id);
      if (!current) throw invitationNotFound(id);
      if (!assignableRoles(actor.role).includes(current.role)) {
        throw new ForbiddenError(`Your role cannot manage ${current.role} invitations`);
      }
      if (current.accepted_at) throw new ConflictError('This invitation was already accepted');
      if (current.revoked_at) return toInvitation(current);
      const now = this.#clock.now();
      const row = await markInvitationRow(trx, id, { revoked_at: now });
      await recordAudit(trx, {
        ...context,
        action: INVITATION_AUDIT_ACTIONS.revoked,
        target: { type: 'staff_invitation', id },
        changes: { email: current.email, role: current.role },
        at: now,
      });
      return toInvitation(row);
    });
  }
}

function assertUsable(row: StaffInvitationRow | undefined, now: Date): StaffInvitationRow {
  const problem = !row
    ? 'This invitation link is not valid; check that you copied all of it'
    : row.accepted_at
      ? 'This invitation has already been used; sign in instead'
      : row.revoked_at
        ? 'This invitation was withdrawn; ask for a new one'
        : row.expires_at <= now
          ? 'This invitation has expired; ask for a new one'
          : null;
  if (problem || !row) throw new ValidationError([{ path: 'token', message: problem ?? '' }], problem ?? '');
  return row;
}

function toInvitation(row: StaffInvitationRow): StaffInvitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

function invitationNotFound(id: string): NotFoundError {
  return new NotFoundError(`No invitation with id ${id}`);
}
