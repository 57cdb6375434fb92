import type { AuditChanges } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { UnauthorizedError } from '../errors.js';
import { SESSION_AUDIT_ACTIONS } from '../sessions/session.schema.js';
import { argon2PasswordHasher, type PasswordHasher } from './password.js';
import {
  clearSignInFailures,
  countSignInFailure,
  findLockedUntil,
  lockOut,
} from './sign-in-failure.repository.js';
import { normaliseEmail } from './user-record.js';

const MINUTE_MS = 60_000;

/** The one answer to every refused sign-in: wrong password, unknown email, disabled or locked-out account. */
export const SIGN_IN_REFUSED_MESSAGE = 'Email or password is incorrect';

/** Audit action written when an email gets locked out. */
export const LOCKED_OUT_AUDIT_ACTION = 'auth.locked_out';

/** When an email is locked out. The same for staff and portal sign-ins; each counts its own failures. */
export interface SignInLockoutLimits {
  /** Consecutive failures within `failureWindowMs` that lock an email out. Default 5. */
  maxFailures?: number | undefined;
  /** Default 15 minutes. */
  failureWindowMs?: number | undefined;
  /** How long a lock-out lasts. Default 15 minutes. */
  lockoutMs?: number | undefined;
}

/** What a {@link PasswordSignIn} needs. */
export interface PasswordSignInDeps extends SignInLockoutLimits {
  db: Executor;
  clock?: Clock | undefined;
  passwordHasher?: PasswordHasher | undefined;
  /** Who signs in: the type of the audit entries' actor and target. */
  subject: 'user' | 'participant';
  /**
   * The key an email's failures are counted under (default: the email). Distinct keys keep two sign-ins apart:
   * someone who is both staff and a referrer is not locked out of one by mistakes made in the other.
   */
  failureKey?: ((email: string) => string) | undefined;
  /** Added to the `changes` of the signed-in audit entry. */
  signedInChanges?: AuditChanges | undefined;
}

/** Checks an email and password: the signed-in subject, or null for any refusal. */
export type CredentialCheck<Subject> = (email: string, password: string) => Promise<Subject | null>;

/**
 * Password sign-in with lock-out, shared by the console and the portal: after `maxFailures` consecutive failures
 * for an email within the window, that email is refused for `lockoutMs`, whatever the password. Failures are counted
 * per email whether or not an account has it, and a locked-out attempt still checks a password hash, so neither the
 * answer nor its timing tells which emails exist or are locked. Counts live in the database: a lock-out holds on
 * every pod. Every attempt is audited, with an anonymous target so the log is no account oracle either.
 */
export class PasswordSignIn {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;
  readonly #subject: PasswordSignInDeps['subject'];
  readonly #failureKey: (email: string) => string;
  readonly #signedInChanges: AuditChanges | undefined;
  readonly #maxFailures: number;
  readonly #failureWindowMs: number;
  readonly #lockoutMs: number;

  constructor(deps: PasswordSignInDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#passwords = deps.passwordHasher ?? argon2PasswordHasher;
    this.#subject = deps.subject;
    this.#failureKey = deps.failureKey ?? ((email) => email);
    this.#signedInChanges = deps.signedInChanges;
    this.#maxFailures = deps.maxFailures ?? 5;
    this.#failureWindowMs = deps.failureWindowMs ?? 15 * MINUTE_MS;
    this.#lockoutMs = deps.lockoutMs ?? 15 * MINUTE_MS;
  }

  /**
   * The subject `check` accepts for these credentials (audited), or an `UnauthorizedError` with
   * {@link SIGN_IN_REFUSED_MESSAGE}. `check` receives the normalised email and is not called for a locked-out one.
   */
  async signIn<Subject>(
    attempt: { email: string; password: string; ip?: string | null | undefined },
    check: CredentialCheck<Subject>,
    idOf: (subject: Subject) => string,
  ): Promise<Subject> {
    const email = normaliseEmail(attempt.email);
    const key = this.#failureKey(email);
    const ip = attempt.ip ?? null;
    const now = this.#clock.now();
    if (await findLockedUntil(this.#db, key, now)) {
      // The same work as a wrong password: one hash check and one audit entry.
      await this.#passwords.verify(this.#passwords.dummyHash, attempt.password);
      await this.#recordFailure(this.#db, email, ip, now, 'locked_out');
      throw new UnauthorizedError(SIGN_IN_REFUSED_MESSAGE);
    }
    const subject = await check(email, attempt.password);
    if (subject === null) {
      await this.#db.transaction().execute(async (trx) => {
        const windowStart = new Date(now.getTime() - this.#failureWindowMs);
        const failures = await countSignInFailure(trx, key, now, windowStart);
        await this.#recordFailure(trx, email, ip, now, 'wrong_credentials');
        if (failures >= this.#maxFailures) {
          await lockOut(trx, key, now, new Date(now.getTime() + this.#lockoutMs));
          await recordAudit(trx, {
            actor: { type: 'system', id: null },
            action: LOCKED_OUT_AUDIT_ACTION,
            target: { type: this.#subject, id: null },
            changes: { email, failures, minutes: Math.round(this.#lockoutMs / MINUTE_MS) },
            ip,
            at: now,
          });
        }
      });
      throw new UnauthorizedError(SIGN_IN_REFUSED_MESSAGE);
    }
    const id = idOf(subject);
    await this.#db.transaction().execute(async (trx) => {
      await clearSignInFailures(trx, key);
      await recordAudit(trx, {
        actor: { type: this.#subject, id },
        action: SESSION_AUDIT_ACTIONS.signedIn,
        target: { type: this.#subject, id },
        ...(this.#signedInChanges ? { changes: this.#signedInChanges } : {}),
        ip,
        at: now,
      });
    });
    return subject;
  }

  async #recordFailure(executor: Executor, email: string, ip: string | null, now: Date, reason: string) {
    await recordAudit(executor, {
      actor: { type: 'system', id: null },
      action: SESSION_AUDIT_ACTIONS.signInFailed,
      target: { type: this.#subject, id: null },
      changes: { email, reason },
      ip,
      at: now,
    });
  }
}
