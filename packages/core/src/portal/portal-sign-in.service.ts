import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { UnauthorizedError } from '../errors.js';
import { SESSION_AUDIT_ACTIONS } from '../sessions/session.schema.js';
import type { Executor } from '../shared/executor.js';
import { argon2PasswordHasher, type PasswordHasher } from '../users/password.js';
import {
  clearSignInFailures,
  countSignInFailure,
  findLockedUntil,
  lockOut,
} from '../users/sign-in-failure.repository.js';
import { LOCKED_OUT_AUDIT_ACTION, SIGN_IN_REFUSED_MESSAGE } from '../users/staff-sign-in.service.js';
import { normaliseEmail } from '../users/user-record.js';
import type { PortalAccountService } from './portal-account.service.js';

const MINUTE_MS = 60_000;

/**
 * Portal failures are counted in the staff sign-in's table under their own key: someone who is both staff and a
 * referrer is not locked out of the console by mistakes in the portal, nor the other way round.
 */
function failureKey(email: string): string {
  return `portal:${email}`;
}

/** Dependencies and limits of {@link PortalSignInService}. */
export interface PortalSignInServiceDeps {
  db: Executor;
  accounts: PortalAccountService;
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
 * Portal password sign-in with the staff sign-in's lock-out: after `maxFailures` consecutive failures for an email
 * within the window, that email is refused for `lockoutMs` whatever the password. A wrong password, an unknown
 * email, a participant without a password, a disabled one and a locked-out email all get the same
 * `UnauthorizedError`, after one password check each.
 */
export class PortalSignInService {
  readonly #db: Executor;
  readonly #accounts: PortalAccountService;
  readonly #clock: Clock;
  readonly #passwords: PasswordHasher;
  readonly #maxFailures: number;
  readonly #failureWindowMs: number;
  readonly #lockoutMs: number;

  constructor(deps: PortalSignInServiceDeps) {
    this.#db = deps.db;
    this.#accounts = deps.accounts;
    this.#clock = deps.clock ?? systemClock;
    this.#passwords = deps.passwordHasher ?? argon2PasswordHasher;
    this.#maxFailures = deps.maxFailures ?? 5;
    this.#failureWindowMs = deps.failureWindowMs ?? 15 * MINUTE_MS;
    this.#lockoutMs = deps.lockoutMs ?? 15 * MINUTE_MS;
  }

  /** The participant these credentials sign in (audited), or an `UnauthorizedError`. */
  async signIn(email: string, password: string, context: { ip?: string | null } = {}): Promise<string> {
    const normalised = normaliseEmail(email);
    const key = failureKey(normalised);
    const ip = context.ip ?? null;
    const now = this.#clock.now();
    if (await findLockedUntil(this.#db, key, now)) {
      await this.#passwords.verify(this.#passwords.dummyHash, password);
      await this.#recordFailure(this.#db, normalised, ip, now, 'locked_out');
      throw new UnauthorizedError(SIGN_IN_REFUSED_MESSAGE);
    }
    const participantId = await this.#accounts.verifyCredentials(normalised, password);
    if (!participantId) {
      await this.#db.transaction().execute(async (trx) => {
        const windowStart = new Date(now.getTime() - this.#failureWindowMs);
        const failures = await countSignInFailure(trx, key, now, windowStart);
        await this.#recordFailure(trx, normalised, ip, now, 'wrong_credentials');
        if (failures >= this.#maxFailures) {
          await lockOut(trx, key, now, new Date(now.getTime() + this.#lockoutMs));
          await recordAudit(trx, {
            actor: { type: 'system', id: null },
            action: LOCKED_OUT_AUDIT_ACTION,
            target: { type: 'participant', id: null },
            changes: { email: normalised, failures, minutes: Math.round(this.#lockoutMs / MINUTE_MS) },
            ip,
            at: now,
          });
        }
      });
      throw new UnauthorizedError(SIGN_IN_REFUSED_MESSAGE);
    }
    await this.#db.transaction().execute(async (trx) => {
      await clearSignInFailures(trx, key);
      await recordAudit(trx, {
        actor: { type: 'participant', id: participantId },
        action: SESSION_AUDIT_ACTIONS.signedIn,
        target: { type: 'participant', id: participantId },
        changes: { method: 'password' },
        ip,
        at: now,
      });
    });
    return participantId;
  }

  async #recordFailure(executor: Executor, email: string, ip: string | null, now: Date, reason: string) {
    await recordAudit(executor, {
      actor: { type: 'system', id: null },
      action: SESSION_AUDIT_ACTIONS.signInFailed,
      // Anonymous target even for a known email: the log must not become an account oracle.
      target: { type: 'participant', id: null },
      changes: { email, reason },
      ip,
      at: now,
    });
  }
}
