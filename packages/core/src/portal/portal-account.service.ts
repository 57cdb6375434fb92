import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { NotFoundError, parseInput, ValidationError } from '../errors.js';
import { deleteSessionRowsOf } from '../sessions/session.repository.js';
import { argon2PasswordHasher, type PasswordHasher } from '../users/password.js';
import { passwordSchema } from '../users/user.schema.js';
import { normaliseEmail } from '../users/user-record.js';
import {
  PORTAL_AUDIT_ACTIONS,
  type SetPortalPasswordInput,
  setPortalPasswordInputSchema,
  type UpdatePortalProfileInput,
  updatePortalProfileInputSchema,
} from './portal.schema.js';
import {
  findCredentialsByEmail,
  lockCredentialsById,
  updateParticipantName,
  updatePasswordHash,
} from './portal-account.repository.js';

/** Dependencies of {@link PortalAccountService}. */
export interface PortalAccountServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** Defaults to argon2id, the same hasher and cost as staff passwords. */
  passwordHasher?: PasswordHasher | undefined;
}

/** Who is acting and from where, for the audit log. */
export interface PortalRequestContext {
  ip?: string | null | undefined;
}

/** A participant's own account in the portal: password sign-in, setting a password, their name. */
export class PortalAccountService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;

  constructor(deps: PortalAccountServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#passwords = deps.passwordHasher ?? argon2PasswordHasher;
  }

  /**
   * The id of the active participant with this email and password, or null. Unknown emails, participants without
   * a password and disabled ones cost one password check too, so the time taken does not tell them apart.
   */
  async verifyCredentials(email: string, password: string): Promise<string | null> {
    if (!passwordSchema.safeParse(password).success) return null;
    const row = await findCredentialsByEmail(this.#db, normaliseEmail(email));
    const isMatch = await this.#passwords.verify(row?.password_hash ?? this.#passwords.dummyHash, password);
    if (!row || row.password_hash === null || row.status !== 'active' || !isMatch) return null;
    return row.id;
  }

  /**
   * Sets the participant's portal password (audited, without it). Once a password is set, changing it needs the
   * current one: a wrong or missing one is a `ValidationError` on `currentPassword`. The participant's other portal
   * sessions end (all but `keepSessionId`, the one making the change): whoever else held one is signed out.
   */
  async setPassword(
    participantId: string,
    input: SetPortalPasswordInput,
    context: PortalRequestContext & { keepSessionId?: string | undefined } = {},
  ): Promise<void> {
    const { currentPassword, password } = parseInput(setPortalPasswordInputSchema, input);
    if (!isUuid(participantId)) throw participantNotFound(participantId);
    // Hashed before the transaction: argon2 takes tens of milliseconds, too long to hold a row lock for.
    const passwordHash = await this.#passwords.hash(password);
    await this.#db.transaction().execute(async (trx) => {
      const row = await lockCredentialsById(trx, participantId);
      if (row?.status !== 'active') throw participantNotFound(participantId);
      if (row.password_hash !== null) {
        const isCurrent =
          currentPassword !== undefined && (await this.#passwords.verify(row.password_hash, currentPassword));
        if (!isCurrent) {
          throw new ValidationError([
            {
              path: 'currentPassword',
              message:
                currentPassword === undefined
                  ? 'Enter your current password'
                  : 'Your current password is not correct',
            },
          ]);
        }
      }
      const now = this.#clock.now();
      await updatePasswordHash(trx, participantId, passwordHash, now);
      const endedSessions = await deleteSessionRowsOf(
        trx,
        { type: 'participant', id: participantId },
        context.keepSessionId,
      );
      await recordAudit(trx, {
        actor: { type: 'participant', id: participantId },
        action: PORTAL_AUDIT_ACTIONS.passwordSet,
        target: { type: 'participant', id: participantId },
        changes: { hadPassword: row.password_hash !== null, endedSessions },
        ip: context.ip ?? null,
        at: now,
      });
    });
  }

  /** Whether the participant has set a password (the account page offers "set" or "change"). */
  async hasPassword(participantId: string): Promise<boolean> {
    if (!isUuid(participantId)) return false;
    const row = await this.#db
      .selectFrom('participants')
      .select('password_hash')
      .where('id', '=', participantId)
      .executeTakeFirst();
    return row?.password_hash != null;
  }

  /** Changes the participant's own name (audited). */
  async updateProfile(
    participantId: string,
    input: UpdatePortalProfileInput,
    context: PortalRequestContext = {},
  ): Promise<void> {
    const { name } = parseInput(updatePortalProfileInputSchema, input);
    if (!isUuid(participantId)) throw participantNotFound(participantId);
    await this.#db.transaction().execute(async (trx) => {
      const now = this.#clock.now();
      const previous = await updateParticipantName(trx, participantId, name, now);
      if (!previous) throw participantNotFound(participantId);
      if (previous.before === name) return;
      await recordAudit(trx, {
        actor: { type: 'participant', id: participantId },
        action: PORTAL_AUDIT_ACTIONS.profileUpdated,
        target: { type: 'participant', id: participantId },
        changes: { name: { before: previous.before, after: name } },
        ip: context.ip ?? null,
        at: now,
      });
    });
  }
}

function participantNotFound(id: string): NotFoundError {
  return new NotFoundError(`No participant with id ${id}`);
}
