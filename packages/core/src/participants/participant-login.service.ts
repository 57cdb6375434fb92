import { type AuditContext, SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { findParticipantStatus } from './login-token.repository.js';
import { issueLoginToken, peekLoginToken, redeemLoginToken, type SignInLinkHolder } from './login-tokens.js';
import { type LoginLink, PARTICIPANT_AUDIT_ACTIONS } from './participant.schema.js';

/** How long a login link works (docs/api.md "Participants": 15 minutes). */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;

/** Dependencies of {@link ParticipantLoginService}. */
export interface ParticipantLoginServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** The base of the links (PUBLIC_URL). */
  publicUrl: string;
}

/**
 * One-time portal login links (docs/api.md "Participants"): a product embedding the portal asks for a link
 * and hands it to its signed-in user. A link works once, for 15 minutes; only the SHA-256 of its token is
 * stored.
 */
export class ParticipantLoginService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #publicUrl: string;

  constructor(deps: ParticipantLoginServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#publicUrl = deps.publicUrl.replace(/\/+$/, '');
  }

  /**
   * A new login link for an active participant (audited, without the token). Unknown ids are a `NotFoundError`, a
   * disabled participant a `ConflictError`.
   */
  async createLoginLink(participantId: string, context: AuditContext = SYSTEM_CONTEXT): Promise<LoginLink> {
    const status = isUuid(participantId) ? await findParticipantStatus(this.#db, participantId) : undefined;
    if (!status) throw new NotFoundError(`No participant with id ${participantId}`);
    if (status !== 'active') throw new ConflictError('The participant is disabled and cannot sign in');
    const now = this.#clock.now();
    const expiresAt = new Date(now.getTime() + LOGIN_LINK_TTL_MS);
    const token = await this.#db.transaction().execute(async (trx) => {
      const issued = await issueLoginToken(trx, { participantId, purpose: 'login_link', now, expiresAt });
      await recordAudit(trx, {
        ...context,
        action: PARTICIPANT_AUDIT_ACTIONS.loginLinkCreated,
        target: { type: 'participant', id: participantId },
        changes: { loginLinkId: issued.id, expiresAt: expiresAt.toISOString() },
        at: now,
      });
      return issued.token;
    });
    return {
      url: `${this.#publicUrl}/portal/login?token=${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** Whom a login token would sign in, without using it; null when it would not work (see `consumeLoginToken`). */
  async peekLoginToken(token: string): Promise<SignInLinkHolder | null> {
    return peekLoginToken(this.#db, token, { purpose: 'login_link', now: this.#clock.now() });
  }

  /**
   * Uses a login token: the participant it signs in (audited as their sign-in), or null when the token is
   * malformed, unknown, expired, already used or its participant disabled. A token works at most once, even
   * under concurrent use. Magic-link tokens are not login-link tokens: each works only on its own route.
   */
  async consumeLoginToken(token: string, context: { ip?: string | null } = {}): Promise<string | null> {
    return redeemLoginToken(this.#db, token, {
      purpose: 'login_link',
      now: this.#clock.now(),
      ip: context.ip,
    });
  }
}
