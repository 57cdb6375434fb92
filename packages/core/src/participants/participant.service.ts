import { newId, type TrackStatus } from '@warmpath/db';
import { type AuditContext, SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { upsertCompanyByDomain, upsertPersonByEmail } from '../directory/directory.repository.js';
import { normaliseDomain } from '../directory/normalise.js';
import { emitDomainEvent } from '../domain-events/emit-domain-event.js';
import { NotFoundError, parseInput, ValidationError, type ValidationIssue } from '../errors.js';
import { normaliseEmail } from '../users/user-record.js';
import { generateLinkCode } from './link-code-generator.js';
import {
  fillParticipantCompanyName,
  findEnrollmentRow,
  findEnrollmentRowByCode,
  findParticipantIdByEmail,
  findParticipantProfileRow,
  findParticipantRowByPersonId,
  findTracksBySlugs,
  insertEnrollmentRowIfNew,
  insertParticipantRowIfNew,
  selectEnrollmentViewRows,
} from './participant.repository.js';
import {
  type EnrollmentByCode,
  type EnrollmentResult,
  type EnrollParticipantInput,
  enrollParticipantInputSchema,
  PARTICIPANT_AUDIT_ACTIONS,
  PARTICIPANT_CREATED_EVENT,
  type Participant,
  type PortalParticipant,
} from './participant.schema.js';
import { toParticipant, toPortalParticipant } from './participant-record.js';

/** Dependencies of {@link ParticipantService}. */
export interface ParticipantServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** The base of referral links (PUBLIC_URL), e.g. `https://refer.example.com`. */
  publicUrl: string;
  /** Draws link codes; tests pass a predictable one. Default {@link generateLinkCode}. */
  generateCode?: (() => string) | undefined;
}

/** How an enrolment came about, beyond the API's fields. */
export interface EnrollOptions {
  /**
   * The company the person says they work for, when they gave a name without a domain (self-enrolment). It
   * becomes the participant's company unless they already have one.
   */
  companyName?: string | null | undefined;
}

/** Who a valid portal session belongs to. */
export interface ParticipantIdentity {
  id: string;
  email: string;
  name: string;
}

// A clash of random 8-character codes is a one-in-a-trillion event per existing code; a few retries are plenty.
const CODE_ATTEMPTS = 5;

/**
 * Referrers (docs/architecture.md "Domain"): enrolment in tracks with one link code each, and lookups by id,
 * email and code.
 */
export class ParticipantService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #publicUrl: string;
  readonly #generateCode: () => string;

  constructor(deps: ParticipantServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#publicUrl = deps.publicUrl.replace(/\/+$/, '');
    this.#generateCode = deps.generateCode ?? generateLinkCode;
  }

  /**
   * Enrols a person (by email) in tracks: creates the participant when new (`created: true`, audited, with a
   * `participant.created` event in the same transaction), otherwise adds the missing enrolments. Existing
   * enrolments keep their codes. The company given (`company.name`, or `options.companyName`) becomes the
   * participant's company unless they already have one. An unknown or archived track is a `ValidationError` on
   * `tracks.N`.
   */
  async enroll(
    input: EnrollParticipantInput,
    context: AuditContext = SYSTEM_CONTEXT,
    options: EnrollOptions = {},
  ): Promise<EnrollmentResult> {
    const fields = parseInput(enrollParticipantInputSchema, input);
    const companyName = options.companyName?.trim() || fields.company?.name || null;
    const issues: ValidationIssue[] = [];
    const domain = fields.company ? domainOrIssue(fields.company.domain, issues) : undefined;
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const tracks = await resolveTracks(trx, fields.tracks, issues);
      if (issues.length > 0) throw new ValidationError(issues);

      const company =
        fields.company && domain
          ? await upsertCompanyByDomain(trx, { name: fields.company.name, domain }, now)
          : undefined;
      const person = await upsertPersonByEmail(
        trx,
        { email: fields.email, name: fields.name, title: fields.title, companyId: company?.id },
        now,
      );
      const inserted = await insertParticipantRowIfNew(trx, {
        id: newId(),
        person_id: person.id,
        company_name: companyName,
        created_at: now,
        updated_at: now,
      });
      const participant = inserted ?? (await findParticipantRowByPersonId(trx, person.id));
      if (!participant) throw new Error(`The participant of person ${person.id} vanished`);
      const target = { type: 'participant', id: participant.id };
      if (inserted) {
        await recordAudit(trx, {
          ...context,
          action: PARTICIPANT_AUDIT_ACTIONS.created,
          target,
          changes: diffChanges(
            {},
            {
              email: person.email,
              name: person.name,
              title: person.title,
              company: company?.domain ?? null,
              companyName,
            },
          ),
          at: now,
        });
      } else if (companyName && (await fillParticipantCompanyName(trx, participant.id, companyName, now))) {
        await recordAudit(trx, {
          ...context,
          action: PARTICIPANT_AUDIT_ACTIONS.updated,
          target,
          changes: diffChanges({ companyName: null }, { companyName }),
          at: now,
        });
      }
      for (const track of tracks) {
        const enrollment = { participantId: participant.id, trackId: track.id };
        const code = await enrollInTrack(trx, enrollment, { now, generateCode: this.#generateCode });
        if (code === null) continue;
        await recordAudit(trx, {
          ...context,
          action: PARTICIPANT_AUDIT_ACTIONS.enrolled,
          target,
          changes: diffChanges({}, { track: track.slug, code }),
          at: now,
        });
      }
      const result = await this.#load(trx, participant.id);
      if (!result) throw new Error(`Participant ${participant.id} vanished`);
      if (inserted) await emitDomainEvent(trx, PARTICIPANT_CREATED_EVENT, result, now);
      return { participant: result, created: inserted !== undefined };
    });
  }

  /** The participant with this id; a `NotFoundError` when there is none (malformed ids included). */
  async get(id: string): Promise<Participant> {
    const participant = await this.findById(id);
    if (!participant) throw new NotFoundError(`No participant with id ${id}`);
    return participant;
  }

  /** The participant with this id, or null. */
  async findById(id: string): Promise<Participant | null> {
    if (!isUuid(id)) return null;
    return this.#load(this.#db, id);
  }

  /** The participant with this email (any letter case), or null. */
  async findByEmail(email: string): Promise<Participant | null> {
    const id = await findParticipantIdByEmail(this.#db, normaliseEmail(email));
    return id ? this.#load(this.#db, id) : null;
  }

  /** The enrolment a link code belongs to, or null (codes are compared exactly). */
  async findEnrollmentByCode(code: string): Promise<EnrollmentByCode | null> {
    if (code.length === 0 || code.length > 64) return null;
    const row = await findEnrollmentRowByCode(this.#db, code);
    return row ? { enrollmentId: row.id, participantId: row.participant_id, trackId: row.track_id } : null;
  }

  /** Who an active participant is, for a portal session; null when unknown or disabled. */
  async findSignedInParticipant(id: string): Promise<ParticipantIdentity | null> {
    if (!isUuid(id)) return null;
    const profile = await findParticipantProfileRow(this.#db, id);
    if (profile?.status !== 'active') return null;
    return { id: profile.id, email: profile.email, name: profile.name };
  }

  /** What the portal shows an active participant about themselves (links with track names); null otherwise. */
  async findPortalParticipant(id: string): Promise<PortalParticipant | null> {
    if (!isUuid(id)) return null;
    const profile = await findParticipantProfileRow(this.#db, id);
    if (profile?.status !== 'active') return null;
    const enrollments = await selectEnrollmentViewRows(this.#db, id);
    return toPortalParticipant(profile, enrollments, this.#publicUrl);
  }

  async #load(executor: Executor, id: string): Promise<Participant | null> {
    const profile = await findParticipantProfileRow(executor, id);
    if (!profile) return null;
    const enrollments = await selectEnrollmentViewRows(executor, id);
    return toParticipant(profile, enrollments, this.#publicUrl);
  }
}

interface EnrollableTrack {
  id: string;
  slug: string;
}

/** The tracks named by slug, each once, in the order given; unknown and archived ones become issues. */
async function resolveTracks(
  executor: Executor,
  slugs: readonly string[],
  issues: ValidationIssue[],
): Promise<EnrollableTrack[]> {
  const found = new Map<string, { id: string; slug: string; status: TrackStatus }>();
  for (const track of await findTracksBySlugs(executor, [...new Set(slugs)])) found.set(track.slug, track);
  const tracks: EnrollableTrack[] = [];
  const seen = new Set<string>();
  slugs.forEach((slug, index) => {
    const track = found.get(slug);
    if (!track) {
      issues.push({ path: `tracks.${index}`, message: `No track with slug ${slug}` });
    } else if (track.status === 'archived') {
      issues.push({ path: `tracks.${index}`, message: `The track ${slug} is archived` });
    } else if (!seen.has(slug)) {
      seen.add(slug);
      tracks.push({ id: track.id, slug: track.slug });
    }
  });
  return tracks;
}

/** Enrols the participant in a track with a fresh code; null when already enrolled (their code stays). */
async function enrollInTrack(
  executor: Executor,
  { participantId, trackId }: { participantId: string; trackId: string },
  { now, generateCode }: { now: Date; generateCode: () => string },
): Promise<string | null> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const row = await insertEnrollmentRowIfNew(executor, {
      id: newId(),
      participant_id: participantId,
      track_id: trackId,
      code: generateCode(),
      created_at: now,
    });
    if (row) return row.code;
    if (await findEnrollmentRow(executor, participantId, trackId)) return null;
    // Otherwise the code was taken: draw another.
  }
  throw new Error(`No free link code after ${CODE_ATTEMPTS} attempts`);
}

function domainOrIssue(domain: string, issues: ValidationIssue[]): string | undefined {
  try {
    return normaliseDomain(domain, 'company.domain');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}
