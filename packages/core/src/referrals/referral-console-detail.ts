import type { JsonValue } from '@warmpath/db';
import { type NamedActor, nameActors } from '../audit/actor-names.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { NotFoundError } from '../errors.js';
import type { FormFieldType, TrackForm } from '../tracks/track.schema.js';
import { isHeldForReview } from './held-for-review.js';
import {
  findReferralHead,
  selectHistoryRows,
  selectNoteRows,
  selectReferralContacts,
} from './referral.repository.js';
import type { ContactRole, FraudDecision, ReferralStatus } from './referral.schema.js';
import { REFERRAL_TRANSITIONS } from './transitions.js';

/** A fraud flag as reviewers read it: which rule, how strongly, what it found, and its evidence. */
export interface ExplainedFraudFlag {
  rule: string;
  code: string;
  /** One sentence from the rule saying what it found. */
  message: string;
  score: number;
  evidence: { [key: string]: JsonValue };
}

/** Everything the console's referral page shows. */
export interface ReferralDetail {
  id: string;
  status: ReferralStatus;
  track: { id: string; slug: string; name: string; slaHours: number };
  /** The directory's company, and the name the referrer submitted it under (it may differ). */
  company: { id: string; name: string; domain: string; submittedName: string };
  participant: { id: string; name: string; email: string };
  owner: { id: string; name: string; email: string } | null;
  /** The buying committee, in the order the referrer gave it. */
  contacts: { id: string; name: string; email: string; title: string | null; role: ContactRole }[];
  /** The answers in the form's order with the form's labels; answers to questions since removed come last. */
  answers: { key: string; label: string; type: FormFieldType | null; value: JsonValue }[];
  note: string | null;
  fraud: { score: number; decision: FraudDecision; flags: ExplainedFraudFlag[] };
  slaDueAt: string | null;
  slaBreachedAt: string | null;
  duplicateOfId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Status changes, oldest first. */
  history: {
    from: ReferralStatus | null;
    to: ReferralStatus;
    at: string;
    reason: string | null;
    actor: NamedActor;
  }[];
  /** Internal notes, oldest first. */
  notes: { id: string; body: string; createdAt: string; author: NamedActor }[];
  /**
   * Where the referral may move next: the lifecycle's next stages, or none when the reader may not move it now
   * (`moveRefusal` says why). Without a reader, the lifecycle's alone.
   */
  allowedTransitions: ReferralStatus[];
  /** Why the reader may not move this referral now (a fraud hold, another rep's referral), or null. */
  moveRefusal: string | null;
  /** Held by fraud rules: only staff who may review (`referrals:review`) move it on. */
  isHeldForReview: boolean;
}

/** The referral page of the console; a `NotFoundError` when there is no such referral. */
export async function getReferralDetail(executor: Executor, id: string): Promise<ReferralDetail> {
  const head = isUuid(id) ? await findReferralHead(executor, id) : undefined;
  if (!head) throw new NotFoundError(`No referral with id ${id.slice(0, 100)}`);
  const { row } = head;
  const track = await executor
    .selectFrom('tracks')
    .select(['id', 'slug', 'name', 'sla_hours', 'form'])
    .where('id', '=', row.track_id)
    .executeTakeFirstOrThrow();
  const participant = await executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select(['participants.id', 'people.name', 'people.email'])
    .where('participants.id', '=', row.participant_id)
    .executeTakeFirstOrThrow();
  const owner =
    row.owner_id === null
      ? undefined
      : await executor
          .selectFrom('users')
          .select(['id', 'name', 'email'])
          .where('id', '=', row.owner_id)
          .executeTakeFirst();
  const contacts = await selectReferralContacts(executor, [id]);
  const history = await selectHistoryRows(executor, [id]);
  const notes = await selectNoteRows(executor, id);
  const named = await nameActors(executor, [
    ...history.map((entry) => ({ type: entry.actor_type, id: entry.actor_id })),
    ...notes.map((note) => ({ type: note.author_type, id: note.author_id })),
  ]);
  return {
    id: row.id,
    status: row.status,
    track: { id: track.id, slug: track.slug, name: track.name, slaHours: track.sla_hours },
    company: head.company,
    participant,
    owner: owner ?? null,
    contacts: contacts.map((contact) => ({
      id: contact.personId,
      name: contact.name,
      email: contact.email,
      title: contact.title,
      role: contact.role,
    })),
    answers: labelAnswers(row.answers, track.form as TrackForm),
    note: row.note,
    fraud: { score: row.fraud_score, decision: row.fraud_decision, flags: explainFlags(row.fraud_flags) },
    slaDueAt: row.sla_due_at?.toISOString() ?? null,
    slaBreachedAt: row.sla_breached_at?.toISOString() ?? null,
    duplicateOfId: row.duplicate_of_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    history: history.map((entry) => ({
      from: entry.from_status,
      to: entry.to_status,
      at: entry.at.toISOString(),
      reason: entry.reason,
      actor: named({ type: entry.actor_type, id: entry.actor_id }),
    })),
    notes: notes.map((note) => ({
      id: note.id,
      body: note.body,
      createdAt: note.created_at.toISOString(),
      author: named({ type: note.author_type, id: note.author_id }),
    })),
    allowedTransitions: [...REFERRAL_TRANSITIONS[row.status]],
    moveRefusal: null,
    isHeldForReview: isHeldForReview({ status: row.status, fraudDecision: row.fraud_decision }),
  };
}

function labelAnswers(
  answers: Readonly<Record<string, JsonValue>>,
  form: TrackForm,
): ReferralDetail['answers'] {
  const fields = form?.fields ?? [];
  const known = new Set(fields.map((field) => field.key));
  return [
    ...fields.flatMap((field) =>
      field.key in answers
        ? [{ key: field.key, label: field.label, type: field.type, value: answers[field.key] ?? null }]
        : [],
    ),
    ...Object.entries(answers)
      .filter(([key]) => !known.has(key))
      .map(([key, value]) => ({ key, label: key, type: null, value })),
  ];
}

/** Stored flags in their full shape; anything malformed (written by an old version, say) is skipped. */
export function explainFlags(stored: readonly JsonValue[]): ExplainedFraudFlag[] {
  return stored.flatMap((flag) => {
    if (typeof flag !== 'object' || flag === null || Array.isArray(flag)) return [];
    const { rule, code, message, score, evidence } = flag;
    if (typeof code !== 'string' || typeof message !== 'string') return [];
    return [
      {
        rule: typeof rule === 'string' ? rule : 'unknown',
        code,
        message,
        score: typeof score === 'number' ? score : 0,
        evidence:
          typeof evidence === 'object' && evidence !== null && !Array.isArray(evidence) ? evidence : {},
      },
    ];
  });
}
