import { newId } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { type Executor, isUniqueViolation } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { ConflictError, NotFoundError, parseInput } from '../errors.js';
import { argon2PasswordHasher, type PasswordHasher } from './password.js';
import {
  findUserRowByEmail,
  findUserRowById,
  insertUserRow,
  lockEnabledUserIdsWithRole,
  lockUserRowByEmail,
  lockUserRowById,
  selectUserRows,
  updateUserRow,
} from './user.repository.js';
import {
  type CreateUserInput,
  createUserInputSchema,
  type EnsureOwnerInput,
  ensureOwnerInputSchema,
  passwordSchema,
  type StaffRole,
  staffRoleSchema,
  type User,
} from './user.schema.js';
import { auditSnapshot, normaliseEmail, toUser } from './user-record.js';

/** Audit actions written by {@link UserService}. */
export const USER_AUDIT_ACTIONS = {
  created: 'user.created',
  roleChanged: 'user.role_changed',
  ownerEnsured: 'user.owner_ensured',
} as const;

/** Dependencies of {@link UserService}. */
export interface UserServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** Defaults to argon2id (m=19456, t=2, p=1). */
  passwordHasher?: PasswordHasher | undefined;
}

/** What `ensureOwner` did: made the account, changed it (role, password, re-enabled), or found it as wanted. */
export type EnsureOwnerOutcome = 'created' | 'updated' | 'unchanged';

/** Staff accounts: creation, the bootstrap owner, password sign-in and roles. */
export class UserService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;

  constructor(deps: UserServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#passwords = deps.passwordHasher ?? argon2PasswordHasher;
  }

  /** Creates a staff account. The email is normalised; an email already in use is a `ConflictError`. */
  async createUser(input: CreateUserInput, context: AuditContext = SYSTEM_CONTEXT): Promise<User> {
    const { email, name, role, password } = parseInput(createUserInputSchema, input);
    // Checked before hashing so a duplicate costs no hash; the unique index still settles races below.
    if (await findUserRowByEmail(this.#db, email)) throw duplicateEmail(email);
    const passwordHash = password === undefined ? null : await this.#passwords.hash(password);
    const now = this.#clock.now();
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const row = await insertUserRow(trx, {
          id: newId(),
          email,
          name,
          role,
          password_hash: passwordHash,
          created_at: now,
          updated_at: now,
        });
        await recordAudit(trx, {
          ...context,
          action: USER_AUDIT_ACTIONS.created,
          target: { type: 'user', id: row.id },
          changes: diffChanges({}, auditSnapshot(row)),
          at: now,
        });
        return toUser(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateEmail(email);
      throw error;
    }
  }

  /**
   * Makes sure an enabled owner account with this email and password exists (WARMPATH_ADMIN_EMAIL/PASSWORD at
   * boot): creates it, or promotes, re-enables and resets the password of the existing account. Running it again
   * with the same values changes nothing and hashes nothing.
   */
  async ensureOwner(input: EnsureOwnerInput): Promise<{ user: User; outcome: EnsureOwnerOutcome }> {
    const { email, password } = parseInput(ensureOwnerInputSchema, input);
    const existing = await findUserRowByEmail(this.#db, email);
    const isPasswordCurrent =
      existing?.password_hash != null && (await this.#passwords.verify(existing.password_hash, password));
    if (existing && isPasswordCurrent && existing.role === 'owner' && existing.disabled_at === null) {
      return { user: toUser(existing), outcome: 'unchanged' };
    }
    const passwordHash =
      isPasswordCurrent && existing?.password_hash
        ? existing.password_hash
        : await this.#passwords.hash(password);
    const now = this.#clock.now();
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const current = await lockUserRowByEmail(trx, email);
        if (!current) {
          const row = await insertUserRow(trx, {
            id: newId(),
            email,
            name: nameFromEmail(email),
            role: 'owner',
            password_hash: passwordHash,
            created_at: now,
            updated_at: now,
          });
          await recordAudit(trx, {
            actor: SYSTEM_CONTEXT.actor,
            action: USER_AUDIT_ACTIONS.created,
            target: { type: 'user', id: row.id },
            changes: diffChanges({}, auditSnapshot(row)),
            at: now,
          });
          return { user: toUser(row), outcome: 'created' as const };
        }
        const row = await updateUserRow(trx, current.id, {
          role: 'owner',
          password_hash: passwordHash,
          disabled_at: null,
          updated_at: now,
        });
        await recordAudit(trx, {
          actor: SYSTEM_CONTEXT.actor,
          action: USER_AUDIT_ACTIONS.ownerEnsured,
          target: { type: 'user', id: row.id },
          changes: {
            ...diffChanges(auditSnapshot(current), auditSnapshot(row)),
            passwordReset: !isPasswordCurrent,
          },
          at: now,
        });
        return { user: toUser(row), outcome: 'updated' as const };
      });
    } catch (error) {
      // Two instances booting at once: the other one created the owner first; it is now as wanted.
      if (isUniqueViolation(error)) return this.ensureOwner(input);
      throw error;
    }
  }

  /**
   * The enabled account with this email and password, or null. A missing account, one without a password and a
   * disabled one all cost one password check too, so the time taken does not tell whether the email exists.
   */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    if (!passwordSchema.safeParse(password).success) return null;
    const row = await findUserRowByEmail(this.#db, normaliseEmail(email));
    const isMatch = await this.#passwords.verify(row?.password_hash ?? this.#passwords.dummyHash, password);
    if (!row || row.password_hash === null || row.disabled_at !== null || !isMatch) return null;
    return toUser(row);
  }

  /** The account with this id, or null. */
  async findById(id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    const row = await findUserRowById(this.#db, id);
    return row ? toUser(row) : null;
  }

  /** The account with this email (normalised first), or null. */
  async findByEmail(email: string): Promise<User | null> {
    const row = await findUserRowByEmail(this.#db, normaliseEmail(email));
    return row ? toUser(row) : null;
  }

  /** Every staff account, by email. */
  async list(): Promise<User[]> {
    return (await selectUserRows(this.#db)).map(toUser);
  }

  /**
   * Gives an account another role (audited). Demoting the last enabled owner is a `ConflictError`: an
   * installation must keep someone who can manage it.
   */
  async setRole(id: string, role: StaffRole, context: AuditContext = SYSTEM_CONTEXT): Promise<User> {
    const newRole = parseInput(staffRoleSchema, role);
    if (!isUuid(id)) throw userNotFound(id);
    return this.#db.transaction().execute(async (trx) => {
      const current = await lockUserRowById(trx, id);
      if (!current) throw userNotFound(id);
      if (current.role === newRole) return toUser(current);
      if (current.role === 'owner' && current.disabled_at === null) {
        const owners = await lockEnabledUserIdsWithRole(trx, 'owner');
        if (owners.length <= 1) throw new ConflictError('The last owner cannot be given another role');
      }
      const now = this.#clock.now();
      const row = await updateUserRow(trx, id, { role: newRole, updated_at: now });
      await recordAudit(trx, {
        ...context,
        action: USER_AUDIT_ACTIONS.roleChanged,
        target: { type: 'user', id },
        changes: diffChanges(auditSnapshot(current), auditSnapshot(row)),
        at: now,
      });
      return toUser(row);
    });
  }
}

function duplicateEmail(email: string): ConflictError {
  return new ConflictError(`A user with the email ${email} already exists`);
}

function userNotFound(id: string): NotFoundError {
  return new NotFoundError(`No user with id ${id}`);
}

/** A bootstrap owner has no name of its own; the local part of the email is a readable stand-in. */
function nameFromEmail(email: string): string {
  return email.split('@')[0] || email;
}
