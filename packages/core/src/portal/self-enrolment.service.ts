import { newId } from '@warmpath/db';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { randomBase32, sha256Hex } from '../common/crypto.js';
import type { Executor } from '../common/executor.js';
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { findParticipantStatus } from '../participants/login-token.repository.js';
import type { SignInLinkHolder } from '../participants/login-tokens.js';
import { findParticipantIdByEmail } from '../participants/participant.repository.js';
import type { ParticipantService } from '../participants/participant.service.js';
import { findTrackRowBySlug } from '../tracks/track.repository.js';
import { readReferralTrackSettings } from '../tracks/track-settings.schema.js';
import { ignoreMailErrors, type MailErrorReporter, sendInBackground } from './background-mail.js';
import {
  consumeEnrolmentRequestRow,
  findUsableEnrolmentRequestRow,
  insertEnrolmentRequestRow,
} from './enrolment-request.repository.js';
import {
  PORTAL_AUDIT_ACTIONS,
  portalFormForInputSchema,
  type SelfEnrolmentRequestInput,
  selfEnrolmentRequestInputSchema,
} from './portal.schema.js';
import type { PortalRequestContext } from './portal-account.service.js';
import { enrolmentVerificationEmail } from './portal-emails.js';

/** How long an enrolment verification link works. */
export const ENROLMENT_LINK_TTL_MS = 24 * 60 * 60_000;

const TOKEN_BYTES = 20;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** Dependencies of {@link SelfEnrolmentService}. */
export interface SelfEnrolmentServiceDeps {
  db: Executor;
  mailer: Mailer;
  participants: ParticipantService;
  /** The base of the links (PUBLIC_URL). */
  publicUrl: string;
  clock?: Clock | undefined;
  onMailError?: MailErrorReporter | undefined;
}

/**
 * Self-enrolment in tracks that allow it: a person asks to join, confirms their email through a 24-hour single-use
 * link, and is then enrolled (merged into their participant when they already are one) and signed in. Whether the
 * address already belongs to a participant is never revealed: every valid request answers alike and emails a link.
 */
export class SelfEnrolmentService {
  readonly #db: Executor;
  readonly #mailer: Mailer;
  readonly #participants: ParticipantService;
  readonly #publicUrl: string;
  readonly #clock: Clock;
  readonly #onMailError: MailErrorReporter;

  constructor(deps: SelfEnrolmentServiceDeps) {
    this.#db = deps.db;
    this.#mailer = deps.mailer;
    this.#participants = deps.participants;
    this.#publicUrl = deps.publicUrl.replace(/\/+$/, '');
    this.#clock = deps.clock ?? systemClock;
    this.#onMailError = deps.onMailError ?? ignoreMailErrors;
  }

  /**
   * Records the request and emails the verification link. An unknown (or archived) track is a `NotFoundError`; a
   * track that does not take sign-ups, or is paused, a `ForbiddenError`; bad fields a `ValidationError`.
   */
  async request(input: SelfEnrolmentRequestInput, context: PortalRequestContext = {}): Promise<void> {
    const fields = parseInput(selfEnrolmentRequestInputSchema, input);
    const track = await this.#openTrack(fields.trackSlug);
    const token = randomBase32(TOKEN_BYTES);
    const now = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      const id = newId();
      await insertEnrolmentRequestRow(trx, {
        id,
        track_id: track.id,
        email: fields.email,
        name: fields.name,
        company_name: fields.company ?? null,
        token_hash: sha256Hex(token),
        created_at: now,
        expires_at: new Date(now.getTime() + ENROLMENT_LINK_TTL_MS),
      });
      // No participant exists yet: the request itself is the audit target, and the token is never recorded.
      await recordAudit(trx, {
        actor: { type: 'system', id: null },
        action: PORTAL_AUDIT_ACTIONS.selfEnrolmentRequested,
        target: { type: 'track', id: track.id },
        changes: { requestId: id, email: fields.email },
        ip: context.ip ?? null,
        at: now,
      });
    });
    const url = `${this.#publicUrl}/portal/enrol/verify?token=${token}`;
    sendInBackground(
      this.#mailer,
      enrolmentVerificationEmail({ to: fields.email, name: fields.name, trackName: track.name, url }),
      this.#onMailError,
    );
  }

  /**
   * Enrols a signed-in participant in another track that takes sign-ups, at once: their address was confirmed when
   * they signed in. Audited as their self-enrolment. Same errors as {@link request} for the track.
   */
  async join(
    participant: { id: string; email: string; name: string },
    input: { trackSlug: string },
    context: PortalRequestContext = {},
  ): Promise<void> {
    const { trackSlug } = parseInput(portalFormForInputSchema, input);
    const track = await this.#openTrack(trackSlug);
    const now = this.#clock.now();
    const { participant: enrolled } = await this.#participants.enroll(
      { email: participant.email, name: participant.name, tracks: [track.slug] },
      { actor: { type: 'participant', id: participant.id }, ip: context.ip ?? null },
    );
    if (enrolled.id !== participant.id)
      throw new Error(`Participant ${participant.id} changed while joining`);
    await recordAudit(this.#db, {
      actor: { type: 'participant', id: participant.id },
      action: PORTAL_AUDIT_ACTIONS.selfEnrolled,
      target: { type: 'participant', id: participant.id },
      changes: { track: track.slug, created: false },
      ip: context.ip ?? null,
      at: now,
    });
  }

  /** The active, self-enrolling track with this slug, or the error that says why not. */
  async #openTrack(slug: string) {
    const track = await findTrackRowBySlug(this.#db, slug);
    if (!track || track.status === 'archived') throw new NotFoundError(`No track with slug ${slug}`);
    if (!readReferralTrackSettings(track.settings).selfEnrolment || track.status !== 'active') {
      throw new ForbiddenError(`${track.name} is by invitation only: ask the program team to invite you`);
    }
    return track;
  }

  /**
   * Whom a verification token would enrol and sign in (the name and email they asked with), without using it; null
   * when the token is malformed, unknown, expired or used, or its address belongs to a disabled participant.
   */
  async peek(token: string): Promise<SignInLinkHolder | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const request = await findUsableEnrolmentRequestRow(this.#db, sha256Hex(token), this.#clock.now());
    if (!request) return null;
    const existing = await findParticipantIdByEmail(this.#db, request.email);
    if (existing && (await findParticipantStatus(this.#db, existing)) !== 'active') return null;
    return { name: request.name, email: request.email };
  }

  /**
   * Uses a verification token: enrols the person in the track (creating or merging into their participant, whose
   * company becomes the one they gave unless they already have one) and
   * returns the participant to sign in; null when the token is malformed, unknown, expired or used, when the
   * participant is disabled, or when the track no longer takes sign-ups.
   */
  async verify(token: string, context: PortalRequestContext = {}): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const now = this.#clock.now();
    const request = await consumeEnrolmentRequestRow(this.#db, sha256Hex(token), now);
    if (!request) return null;
    const existing = await findParticipantIdByEmail(this.#db, request.email);
    if (existing && (await findParticipantStatus(this.#db, existing)) !== 'active') return null;
    const track = await this.#db
      .selectFrom('tracks')
      .select(['slug', 'status', 'settings'])
      .where('id', '=', request.track_id)
      .executeTakeFirst();
    if (track?.status !== 'active' || !readReferralTrackSettings(track.settings).selfEnrolment) {
      return null;
    }
    const audit = { actor: { type: 'system' as const, id: null }, ip: context.ip ?? null };
    try {
      const { participant, created } = await this.#participants.enroll(
        { email: request.email, name: request.name, tracks: [track.slug] },
        audit,
        { companyName: request.company_name },
      );
      await recordAudit(this.#db, {
        actor: { type: 'participant', id: participant.id },
        action: PORTAL_AUDIT_ACTIONS.selfEnrolled,
        target: { type: 'participant', id: participant.id },
        changes: { track: track.slug, created, company: request.company_name },
        ip: context.ip ?? null,
        at: now,
      });
      return participant.id;
    } catch (error) {
      // The track was archived between the checks and the enrolment: the link just no longer works.
      if (error instanceof ValidationError) return null;
      throw error;
    }
  }
}
