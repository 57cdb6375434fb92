import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { UnauthorizedError } from '../errors.js';
import { SESSION_AUDIT_ACTIONS } from '../sessions/session.schema.js';
import type { Executor } from '../shared/executor.js';
import { argon2PasswordHasher, type PasswordHasher } from './password.js';
import {
  clearSignInFailures,
  countSignInFailure,
  findLockedUntil,
  lockOut,
} from './sign-in-failure.repository.js';
import type { User } from './user.schema.js';
import type { UserService } from './user.service.js';
import { normaliseEmail } from './user-record.js';

const MINUTE_MS = 60_000;

/** The one answer to every refused sign-in: wrong password, unknown email, disabled or locked-out account. */
export const SIGN_IN_REFUSED_MESSAGE = 'Email or password is incorrect';

/** Audit action written when an email gets locked out. */
export const LOCKED_OUT_AUDIT_ACTION = 'auth.locked_out';

/** Dependencies and limits of {@link StaffSignInService}. */
export interface StaffSignInServiceDeps {
  db: Executor;
  users: UserService;
  clock?: Clock | undefined;
  passwordHasher?: PasswordHasher | undefined;
  /** Consecutive failures within `failureWindowMs` that lock an email out. Default 5. */
  maxFailures?: number | undefined;
  /** Default 15 minutes. */
  failureWindowMs?: number | undefined;
  /** How long a lock-out lasts. Default 15 minutes. */
  lockoutMs?: number | undefined;
}

/**
 * Staff password sign-in with lock-out: after `maxFailures` consecutive failures for an email within the window,
 * that email is refused for `lockoutMs`, whatever the password. Failures are counted per email whether or not an
 * account has it, and a locked-out attempt still checks a password hash, so neither the answer nor its timing
 * tells which emails exist or are locked. Counts live in the database: a lock-out holds on every pod.
 */
export class StaffSignInService {
  readonly #db: Executor;
  readonly #users: UserService;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;
  readonly #maxFailures: number;
  readonly #failureWindowMs: number;
  readonly #lockoutMs: number;

  constructor(deps: StaffSignInServiceDeps) {
    this.#db = deps.db;
    this.#users = deps.users;
    this.#clock = deps.clock ?? systemClock;
    this.#passwords = deps.passwordHasher ?? argon2PasswordHasher;
    this.#maxFailures = deps.maxFailures ?? 5;
    this.#failureWindowMs = deps.failureWindowMs ?? 15 * MINUTE_MS;
    this.#lockoutMs = deps.lockoutMs ?? 15 * MINUTE_MS;
  }

  /** The account these credentials sign in (audited), or an `UnauthorizedError` with {@link SIGN_IN_REFUSED_MESSAGE}. */
  async signIn(email: string, password: string, context: { ip?: string | null } = {}): Promise<User> {
    const normalised = normaliseEmail(email);
    const ip = context.ip ?? null;
    const now = this.#clock.now();
    if (await findLockedUntil(this.#db, normalised, now)) {
      // The same work as a wrong password: one hash check and one audit entry.
      await this.#passwords.verify(this.#passwords.dummyHash, password);
      await this.#recordFailure(this.#db, normalised, ip, now, 'locked_out');
      throw new UnauthorizedError(SIGN_IN_REFUSED_MESSAGE);
    }
    const user = await this.#users.verifyCredentials(normalised, password);
    if (!user) {
      await this.#db.transaction().execute(async (trx) => {
        const windowStart = new Date(now.getTime() - this.#failureWindowMs);
        const failures = await countSignInFailure(trx, normalised, now, windowStart);
        await this.#recordFailure(trx, normalised, ip, now, 'wrong_credentials');
        if (failures >= this.#maxFailures) {
          await lockOut(trx, normalised, now, new Date(now.getTime() + this.#lockoutMs));
          await recordAudit(trx, {
            actor: { type: 'system', id: null },
            action: LOCKED_OUT_AUDIT_ACTION,
            target: { type: 'user', id: null },
            changes: { email: normalised, failures, minutes: Math.round(this.#lockoutMs / MINUTE_MS) },
            ip,
            at: now,
          });
        }
      });
      throw new UnauthorizedError(SIGN_IN_REFUSED_MESSAGE);
    }
    await this.#db.transaction().execute(async (trx) => {
      await clearSignInFailures(trx, normalised);
      await recordAudit(trx, {
        actor: { type: 'user', id: user.id },
        action: SESSION_AUDIT_ACTIONS.signedIn,
        target: { type: 'user', id: user.id },
        ip,
        at: now,
      });
    });
    return user;
  }

  async #recordFailure(executor: Executor, email: string, ip: string | null, now: Date, reason: string) {
    await recordAudit(executor, {
      actor: { type: 'system', id: null },
      action: SESSION_AUDIT_ACTIONS.signInFailed,
      // The target stays anonymous even for a known email: the log must not become an account oracle either.
      target: { type: 'user', id: null },
      changes: { email, reason },
      ip,
      at: now,
    });
  }
}
