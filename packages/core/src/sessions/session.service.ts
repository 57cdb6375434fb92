import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { sha256Bytes } from '../common/crypto.js';
import type { Executor } from '../common/executor.js';
import { parseInput } from '../errors.js';
import {
  deleteSessionRow,
  deleteSessionRowsExpiredAt,
  deleteSessionRowsOf,
  findSessionRow,
  insertSessionRow,
  type SessionRow,
  touchSessionRow,
} from './session.repository.js';
import {
  SESSION_AUDIT_ACTIONS,
  type Session,
  type SessionSubject,
  sessionSubjectSchema,
  type ValidatedSession,
} from './session.schema.js';
import { generateSessionCredentials, parseSessionToken } from './session-token.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Dependencies and limits of {@link SessionService}. */
export interface SessionServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** A session unused this long ends. Default 7 days. */
  inactivityTimeoutMs?: number | undefined;
  /** A session ends this long after sign-in however much it is used. Default 30 days. */
  absoluteLifetimeMs?: number | undefined;
  /**
   * How often use is written back (`last_active_at`): at most once per this interval, and at least once per half
   * the inactivity timeout, so a session in use never lapses. Default 1 minute.
   */
  renewalIntervalMs?: number | undefined;
}

/**
 * Sessions per Lucia's design: the token `<id>.<secret>` is given to the client once; the database keeps only
 * the SHA-256 of the secret, so a leaked sessions table cannot be replayed.
 */
export class SessionService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #inactivityTimeoutMs: number;
  readonly #absoluteLifetimeMs: number;
  readonly #renewalIntervalMs: number;

  constructor(deps: SessionServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#inactivityTimeoutMs = positive(deps.inactivityTimeoutMs ?? 7 * DAY_MS, 'inactivityTimeoutMs');
    this.#absoluteLifetimeMs = positive(deps.absoluteLifetimeMs ?? 30 * DAY_MS, 'absoluteLifetimeMs');
    this.#renewalIntervalMs = Math.min(
      positive(deps.renewalIntervalMs ?? MINUTE_MS, 'renewalIntervalMs'),
      this.#inactivityTimeoutMs / 2,
    );
  }

  /** Signs a subject in. The token is for the cookie and is not retrievable later. */
  async createSession(subject: SessionSubject): Promise<{ token: string; session: Session }> {
    return this.#insert(this.#db, parseInput(sessionSubjectSchema, subject));
  }

  /**
   * Signs a subject in on a browser that may still hold a session of the same kind (`previousToken`, read from
   * that kind's cookie): the earlier session ends — whoever it belonged to, so a shared browser switching people
   * leaves nothing valid behind — and a new one starts, in one transaction. A previous token that does not
   * validate, or is another kind's (a staff session in the portal cookie), is left alone. The portal's link and
   * password sign-ins both go through here.
   */
  async switchSession(
    subject: SessionSubject,
    previousToken?: string | null | undefined,
  ): Promise<{ token: string; session: Session }> {
    const who = parseInput(sessionSubjectSchema, subject);
    const previous = previousToken ? parseSessionToken(previousToken) : null;
    return this.#db.transaction().execute(async (trx) => {
      if (previous) {
        const row = await findSessionRow(trx, previous.id);
        if (
          row &&
          row.subject_type === who.type &&
          constantTimeEqual(sha256Bytes(previous.secret), row.secret_hash)
        ) {
          await deleteSessionRow(trx, row.id);
        }
      }
      return this.#insert(trx, who);
    });
  }

  /**
   * The session and subject of a token, or null when it is malformed, unknown, has a wrong secret or has expired
   * (expired sessions are deleted). Use renews the session now and then (see `renewalIntervalMs`).
   */
  async validateSessionToken(token: string): Promise<ValidatedSession | null> {
    const parsed = parseSessionToken(token);
    if (!parsed) return null;
    const row = await findSessionRow(this.#db, parsed.id);
    if (!row) return null;
    if (!constantTimeEqual(sha256Bytes(parsed.secret), row.secret_hash)) return null;

    const now = this.#clock.now();
    if (
      now.getTime() >= this.#expiresAt(row.created_at, row.last_active_at).getTime() ||
      now >= row.expires_at
    ) {
      await deleteSessionRow(this.#db, row.id);
      return null;
    }
    let current = row;
    const isRenewed = now.getTime() - row.last_active_at.getTime() >= this.#renewalIntervalMs;
    if (isRenewed) {
      const activity = { lastActiveAt: now, expiresAt: this.#expiresAt(row.created_at, now) };
      await touchSessionRow(this.#db, row.id, activity);
      current = { ...row, last_active_at: activity.lastActiveAt, expires_at: activity.expiresAt };
    }
    const session = toSession(current);
    return { session, subject: session.subject, isRenewed };
  }

  /** Signs one session out (the token stops working at once). */
  async invalidateSession(sessionId: string): Promise<void> {
    await deleteSessionRow(this.#db, sessionId);
  }

  /** A subject signing itself out of this session (audited): the token stops working at once. */
  async signOut(
    sessionId: string,
    subject: SessionSubject,
    context: { ip?: string | null } = {},
  ): Promise<void> {
    const who = parseInput(sessionSubjectSchema, subject);
    await this.#db.transaction().execute(async (trx) => {
      await deleteSessionRow(trx, sessionId);
      await recordAudit(trx, {
        actor: who,
        action: SESSION_AUDIT_ACTIONS.signedOut,
        target: who,
        ip: context.ip ?? null,
        at: this.#clock.now(),
      });
    });
  }

  /** A subject signing itself out on every device, this one included (audited); returns how many sessions ended. */
  async signOutEverywhere(subject: SessionSubject, context: { ip?: string | null } = {}): Promise<number> {
    const who = parseInput(sessionSubjectSchema, subject);
    return this.#db.transaction().execute(async (trx) => {
      const ended = await deleteSessionRowsOf(trx, who);
      await recordAudit(trx, {
        actor: who,
        action: SESSION_AUDIT_ACTIONS.signedOutEverywhere,
        target: who,
        changes: { sessions: ended },
        ip: context.ip ?? null,
        at: this.#clock.now(),
      });
      return ended;
    });
  }

  /** Signs a subject out everywhere (password change, disabled account); returns how many sessions ended. */
  async invalidateAllSessions(subject: SessionSubject): Promise<number> {
    return deleteSessionRowsOf(this.#db, parseInput(sessionSubjectSchema, subject));
  }

  /** Deletes every expired session (housekeeping job); returns how many. */
  async deleteExpiredSessions(): Promise<number> {
    const now = this.#clock.now();
    return deleteSessionRowsExpiredAt(this.#db, {
      now,
      createdBefore: new Date(now.getTime() - this.#absoluteLifetimeMs),
      lastActiveBefore: new Date(now.getTime() - this.#inactivityTimeoutMs),
    });
  }

  async #insert(executor: Executor, subject: SessionSubject): Promise<{ token: string; session: Session }> {
    const { id, secret, token } = generateSessionCredentials();
    const now = this.#clock.now();
    const row = await insertSessionRow(executor, {
      id,
      subject_type: subject.type,
      subject_id: subject.id,
      secret_hash: sha256Bytes(secret),
      created_at: now,
      last_active_at: now,
      expires_at: this.#expiresAt(now, now),
    });
    return { token, session: toSession(row) };
  }

  #expiresAt(createdAt: Date, lastActiveAt: Date): Date {
    return new Date(
      Math.min(
        createdAt.getTime() + this.#absoluteLifetimeMs,
        lastActiveAt.getTime() + this.#inactivityTimeoutMs,
      ),
    );
  }
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    subject: { type: row.subject_type, id: row.subject_id },
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
    expiresAt: row.expires_at,
  };
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a positive number of milliseconds`);
  return value;
}
