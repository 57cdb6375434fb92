import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import type { Mailer } from '../mail/mailer.js';
import { findParticipantStatus } from '../participants/login-token.repository.js';
import {
  issueLoginToken,
  peekLoginToken,
  redeemLoginToken,
  type SignInLinkHolder,
} from '../participants/login-tokens.js';
import { findParticipantIdByEmail } from '../participants/participant.repository.js';
import { emailSchema } from '../users/user.schema.js';
import { ignoreMailErrors, type MailErrorReporter, sendInBackground } from './background-mail.js';
import { PORTAL_AUDIT_ACTIONS } from './portal.schema.js';
import type { PortalRequestContext } from './portal-account.service.js';
import { magicLinkEmail } from './portal-emails.js';

/** How long an emailed magic link works. */
export const MAGIC_LINK_TTL_MS = 15 * 60_000;

/** Dependencies of {@link MagicLinkService}. */
export interface MagicLinkServiceDeps {
  db: Executor;
  mailer: Mailer;
  /** The base of the links (PUBLIC_URL). */
  publicUrl: string;
  clock?: Clock | undefined;
  onMailError?: MailErrorReporter | undefined;
}

/**
 * Portal sign-in by email: a participant asks for a link, gets a 15-minute single-use link by email, and the link
 * signs them in. Whether an address belongs to anyone is never revealed: every request answers alike.
 */
export class MagicLinkService {
  readonly #db: Executor;
  readonly #mailer: Mailer;
  readonly #publicUrl: string;
  readonly #clock: Clock;
  readonly #onMailError: MailErrorReporter;

  constructor(deps: MagicLinkServiceDeps) {
    this.#db = deps.db;
    this.#mailer = deps.mailer;
    this.#publicUrl = deps.publicUrl.replace(/\/+$/, '');
    this.#clock = deps.clock ?? systemClock;
    this.#onMailError = deps.onMailError ?? ignoreMailErrors;
  }

  /**
   * Emails a sign-in link when the address belongs to an active participant; otherwise does nothing. Returns
   * nothing either way, and malformed addresses are ignored the same way, so callers cannot tell the cases apart.
   * A sent link is audited (without its token) against the participant, with the requester's IP.
   */
  async requestMagicLink(email: string, context: PortalRequestContext = {}): Promise<void> {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) return;
    const participantId = await findParticipantIdByEmail(this.#db, parsed.data);
    if (!participantId || (await findParticipantStatus(this.#db, participantId)) !== 'active') return;
    const now = this.#clock.now();
    const expiresAt = new Date(now.getTime() + MAGIC_LINK_TTL_MS);
    const token = await this.#db.transaction().execute(async (trx) => {
      const issued = await issueLoginToken(trx, { participantId, purpose: 'magic_link', now, expiresAt });
      await recordAudit(trx, {
        // Whoever asked is not signed in: the system sends the link, to the participant's own address.
        actor: { type: 'system', id: null },
        action: PORTAL_AUDIT_ACTIONS.magicLinkSent,
        target: { type: 'participant', id: participantId },
        changes: { loginLinkId: issued.id, expiresAt: expiresAt.toISOString() },
        ip: context.ip ?? null,
        at: now,
      });
      return issued.token;
    });
    const url = `${this.#publicUrl}/portal/login/magic?token=${token}`;
    sendInBackground(this.#mailer, magicLinkEmail({ to: parsed.data, url }), this.#onMailError);
  }

  /** Whom a magic-link token would sign in, without using it; null for any token that would not work. */
  async peekMagicLinkToken(token: string): Promise<SignInLinkHolder | null> {
    return peekLoginToken(this.#db, token, { purpose: 'magic_link', now: this.#clock.now() });
  }

  /** Uses a magic-link token: the participant it signs in (audited), or null for any token that does not work. */
  async consumeMagicLinkToken(token: string, context: { ip?: string | null } = {}): Promise<string | null> {
    return redeemLoginToken(this.#db, token, {
      purpose: 'magic_link',
      now: this.#clock.now(),
      ip: context.ip,
    });
  }
}
