import type { AuditContext } from '../audit/audit.schema.js';
import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { runInTransaction } from '../common/unit-of-work.js';
import { emitDomainEvent } from '../domain-events/emit-domain-event.js';
import { ForbiddenError, NotFoundError, parseInput } from '../errors.js';
import { readReferralTrackSettings } from '../tracks/track-settings.schema.js';
import { selectTrackSettings } from './directory-lookups.repository.js';
import type { FraudEvaluator } from './fraud.js';
import { type PortalReferral, toPortalReferral } from './portal-projection.js';
import { prepareSubmission } from './prepare-submission.js';
import {
  findReferralHead,
  insertHistoryRow,
  insertNoteRow,
  lockReferralRow,
  type ReferralHeadRecord,
  selectNoteRows,
  selectReferralHeads,
  updateReferralRow,
} from './referral.repository.js';
import {
  addNoteInputSchema,
  REFERRAL_AUDIT_ACTIONS,
  type Referral,
  type ReferralListQuery,
  type ReferralNote,
  type ReferralPage,
  referralListQuerySchema,
  type SubmitReferralInput,
  type TransitionInput,
  transitionInputSchema,
} from './referral.schema.js';
import { getReferralDetail, type ReferralDetail } from './referral-console-detail.js';
import {
  assertMayMove,
  moveRefusal,
  type ReferralMovePolicy,
  type ReferralMover,
  SYSTEM_MOVER,
} from './referral-mover.js';
import { loadReferrals } from './referral-record.js';
import { checkReferralSla, type SlaCheckOutcome } from './sla-check.js';
import { assertTransition } from './transitions.js';
import { type SubmissionContext, writeReferral } from './write-referral.js';

/** Dependencies of {@link ReferralService}. */
export interface ReferralServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** Scores submissions (the server runs every registered fraud rule). */
  fraud: FraudEvaluator;
  /** Salt of submission IP hashes; the same one click records use, so fraud rules can compare them. */
  ipHashSalt?: string | undefined;
  /** `WARMPATH_SALES_OWN_REFERRALS_ONLY`: staff with the `sales` role move only referrals assigned to them. */
  salesOwnReferralsOnly?: boolean | undefined;
}

/** How many referrals the portal lists for one referrer (newest first). */
const PORTAL_LIST_LIMIT = 500;

/**
 * Referrals (docs/architecture.md "Domain", docs/api.md "Referrals"): submission with fraud scoring,
 * duplicate priority, owner routing and SLA; the lifecycle; staff and portal reads; internal notes. Every
 * change is one transaction with its history row, audit entry and outbox rows.
 */
export class ReferralService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #fraud: FraudEvaluator;
  readonly #ipHashSalt: string | undefined;
  readonly #movePolicy: ReferralMovePolicy;

  constructor(deps: ReferralServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#fraud = deps.fraud;
    this.#ipHashSalt = deps.ipHashSalt;
    this.#movePolicy = { salesOwnReferralsOnly: deps.salesOwnReferralsOnly ?? false };
  }

  /**
   * Records a referral (docs/api.md "Referrals", `POST /api/v1/referrals`). Invalid input — an unknown track,
   * a participant not enrolled in it, repeated contacts, answers that do not fit the form — is one
   * `ValidationError` naming each field. A referral of a company already claimed in the track is recorded as
   * its duplicate, not refused.
   */
  async submit(input: SubmitReferralInput, context: SubmissionContext = SYSTEM_CONTEXT): Promise<Referral> {
    // A unit of work: jobs that code called from here enqueues through the plugin port commit or roll back with it.
    return runInTransaction(this.#db, async (trx) => {
      const prepared = await prepareSubmission(trx, input);
      const id = await writeReferral(
        trx,
        { fraud: this.#fraud, ipHashSalt: this.#ipHashSalt, now: this.#clock.now() },
        prepared,
        context,
      );
      return this.#load(trx, id);
    });
  }

  /**
   * The console's referral page as `reader` would act on it: the moves they may make now, none when the move policy
   * refuses them (held for review, another rep's referral) with `moveRefusal` saying why — the rules `transition`
   * enforces, shown before anyone tries.
   */
  async detailFor(id: string, reader: ReferralMover): Promise<ReferralDetail> {
    const detail = await getReferralDetail(this.#db, id);
    const refusal = moveRefusal(
      reader,
      { status: detail.status, fraudDecision: detail.fraud.decision, ownerId: detail.owner?.id ?? null },
      this.#movePolicy,
    );
    return refusal ? { ...detail, allowedTransitions: [], moveRefusal: refusal } : detail;
  }

  /**
   * Moves a referral along its lifecycle (see `transitions.ts`) as `mover`. On the locked row, first the move policy
   * (`assertMayMove`): a referral held for review needs `referrals:review`, and sales may be kept to their own
   * referrals — a `ForbiddenError`; then the lifecycle: a move it does not allow is a `ConflictError`. An unknown
   * referral is a `NotFoundError`.
   */
  async transition(
    id: string,
    input: TransitionInput,
    mover: ReferralMover = SYSTEM_MOVER,
  ): Promise<Referral> {
    const { to, reason } = parseInput(transitionInputSchema, input);
    if (!isUuid(id)) throw referralNotFound(id);
    const context: AuditContext = { actor: mover.actor, ip: mover.ip };
    return runInTransaction(this.#db, async (trx) => {
      const row = await lockReferralRow(trx, id);
      if (!row) throw referralNotFound(id);
      assertMayMove(
        mover,
        { status: row.status, fraudDecision: row.fraud_decision, ownerId: row.owner_id },
        this.#movePolicy,
      );
      assertTransition(row.status, to);
      const now = this.#clock.now();
      await updateReferralRow(trx, id, { status: to, updated_at: now });
      await insertHistoryRow(trx, {
        referralId: id,
        from: row.status,
        to,
        actor: context.actor,
        reason: reason ?? null,
        at: now,
      });
      await recordAudit(trx, {
        actor: context.actor,
        ip: context.ip,
        action: REFERRAL_AUDIT_ACTIONS.statusChanged,
        target: { type: 'referral', id },
        changes: { status: { before: row.status, after: to }, ...(reason ? { reason } : {}) },
        at: now,
      });
      await emitDomainEvent(
        trx,
        'referral.status_changed',
        {
          referralId: id,
          trackId: row.track_id,
          participantId: row.participant_id,
          from: row.status,
          to,
          reason: reason ?? null,
        },
        now,
      );
      return this.#load(trx, id);
    });
  }

  /** The referral with this id; a `NotFoundError` when there is none. */
  async get(id: string): Promise<Referral> {
    if (!isUuid(id)) throw referralNotFound(id);
    return this.#load(this.#db, id);
  }

  /** One page of referrals, newest first, filtered by track slug, status and participant. */
  async list(query: ReferralListQuery = {}): Promise<ReferralPage> {
    const { track, status, participantId, limit, cursor } = parseInput(referralListQuerySchema, query);
    const beforeId = cursor === undefined ? undefined : decodeIdCursor(cursor);
    // An id that cannot exist matches nothing (and must not reach Postgres as a malformed uuid).
    if (participantId !== undefined && !isUuid(participantId)) return { data: [], nextCursor: null };
    const heads = await selectReferralHeads(this.#db, {
      trackSlug: track,
      status,
      participantId,
      beforeId,
      limit: limit + 1,
    });
    const page = heads.slice(0, limit);
    const last = page.at(-1);
    return {
      data: await loadReferrals(this.#db, page),
      nextCursor: heads.length > limit && last ? encodeIdCursor(last.row.id) : null,
    };
  }

  /** A participant's referrals as the portal shows them, newest first. */
  async listForParticipant(participantId: string): Promise<PortalReferral[]> {
    if (!isUuid(participantId)) return [];
    const heads = await selectReferralHeads(this.#db, { participantId, limit: PORTAL_LIST_LIMIT });
    return this.#project(heads);
  }

  /** One of the participant's referrals for the portal; anyone else's is a `NotFoundError`, as if it did not exist. */
  async getForParticipant(participantId: string, id: string): Promise<PortalReferral> {
    if (!isUuid(id)) throw referralNotFound(id);
    const head = await findReferralHead(this.#db, id);
    if (!head || head.row.participant_id !== participantId) throw referralNotFound(id);
    const [projected] = await this.#project([head]);
    if (!projected) throw referralNotFound(id);
    return projected;
  }

  /** Adds an internal (staff-only) note to a referral, audited. Participants cannot write notes. */
  async addNote(id: string, body: string, context: AuditContext = SYSTEM_CONTEXT): Promise<ReferralNote> {
    const input = parseInput(addNoteInputSchema, { body });
    if (context.actor.type === 'participant')
      throw new ForbiddenError('Participants cannot write internal notes');
    if (!isUuid(id)) throw referralNotFound(id);
    const { type, id: authorId } = context.actor;
    return this.#db.transaction().execute(async (trx) => {
      if (!(await lockReferralRow(trx, id))) throw referralNotFound(id);
      const now = this.#clock.now();
      const note = await insertNoteRow(trx, {
        referralId: id,
        // Plugins write as the system; their id is kept as the author id.
        author: { type: type === 'plugin' ? 'system' : type, id: authorId },
        body: input.body,
        at: now,
      });
      await recordAudit(trx, {
        actor: context.actor,
        ip: context.ip,
        action: REFERRAL_AUDIT_ACTIONS.noteAdded,
        target: { type: 'referral', id },
        changes: { noteId: note.id },
        at: now,
      });
      return toNote(note);
    });
  }

  /** The internal notes of a referral, oldest first. */
  async listNotes(id: string): Promise<ReferralNote[]> {
    if (!isUuid(id) || !(await findReferralHead(this.#db, id))) throw referralNotFound(id);
    return (await selectNoteRows(this.#db, id)).map(toNote);
  }

  /**
   * The SLA check the `referrals.sla-check` job runs at a referral's due time: marks the breach (event + audit)
   * when the referral is still waiting for a decision. `not_due` asks the caller to try again later.
   */
  async checkSla(id: string): Promise<SlaCheckOutcome> {
    if (!isUuid(id)) return 'settled';
    return this.#db.transaction().execute((trx) => checkReferralSla(trx, id, this.#clock.now()));
  }

  async #load(executor: Executor, id: string): Promise<Referral> {
    const head = await findReferralHead(executor, id);
    if (!head) throw referralNotFound(id);
    const [referral] = await loadReferrals(executor, [head]);
    if (!referral) throw referralNotFound(id);
    return referral;
  }

  async #project(heads: readonly ReferralHeadRecord[]): Promise<PortalReferral[]> {
    const referrals = await loadReferrals(this.#db, heads);
    const settings = await selectTrackSettings(
      this.#db,
      heads.map((head) => head.row.track_id),
    );
    return referrals.map((referral, index) => {
      const trackId = heads[index]?.row.track_id;
      const stored = trackId === undefined ? undefined : settings.get(trackId);
      return toPortalReferral(referral, readReferralTrackSettings(stored).referrerVisibleStages);
    });
  }
}

function toNote(row: {
  id: string;
  referral_id: string;
  body: string;
  author_type: 'user' | 'api_key' | 'system';
  author_id: string | null;
  created_at: Date;
}): ReferralNote {
  return {
    id: row.id,
    referralId: row.referral_id,
    body: row.body,
    author: { type: row.author_type, id: row.author_id },
    createdAt: row.created_at.toISOString(),
  };
}

function referralNotFound(id: string): NotFoundError {
  return new NotFoundError(`No referral with id ${id.slice(0, 100)}`);
}
