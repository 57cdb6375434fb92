import { json, newId, type PersonRow, type ReferralStatus } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import type { AuditContext } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Executor } from '../common/executor.js';
import { upsertCompanyByDomain, upsertPersonByEmail } from '../directory/directory.repository.js';
import { emitDomainEvent } from '../domain-events/emit-domain-event.js';
import { creditClicksToReferral } from '../links/click-credit.js';
import { selectParticipantEmails } from './directory-lookups.repository.js';
import { assessFraud, type FraudAssessment, type FraudEvaluator } from './fraud.js';
import { attributionWindowStart, buildFraudContext, type SubmissionFacts } from './fraud-context.js';
import type { PreparedSubmission } from './prepare-submission.js';
import {
  findEarliestClaim,
  insertHistoryRow,
  insertReferralContactRows,
  insertReferralRow,
} from './referral.repository.js';
import { REFERRAL_AUDIT_ACTIONS, REFERRAL_SLA_CHECK_JOB } from './referral.schema.js';
import { routeOwner } from './routing.js';
import { AWAITING_DECISION_STATUSES } from './transitions.js';

const HOUR_MS = 60 * 60 * 1000;

/** Who submits and from where (the HTTP layer fills `ip` and `userAgent`). */
export interface SubmissionContext extends AuditContext {
  userAgent?: string | null | undefined;
}

/**
 * docs/api.md "Referrals": blocked → rejected, held → in_review, else accepted when the track auto-accepts,
 * else submitted.
 */
export function initialStatus(assessment: FraudAssessment, autoAccept: boolean): ReferralStatus {
  if (assessment.decision === 'block') return 'rejected';
  if (assessment.decision === 'review') return 'in_review';
  return autoAccept ? 'accepted' : 'submitted';
}

function initialReason(status: ReferralStatus, assessment: FraudAssessment): string | null {
  if (status === 'rejected' || status === 'in_review') {
    const codes = [...new Set(assessment.flags.map((flag) => flag.code))];
    return `fraud (score ${assessment.score}): ${codes.length > 0 ? codes.join(', ') : 'no flag given'}`;
  }
  return status === 'accepted' ? 'accepted automatically by the track' : null;
}

/**
 * Puts the contacts into the directory, linked to the company (unless they are participants). People are locked in email order whatever the
 * referrer's order, so two submissions naming the same people cannot deadlock; the referral keeps the given order.
 */
async function upsertContacts(
  trx: Executor,
  contacts: PreparedSubmission['contacts'],
  companyId: string,
  now: Date,
): Promise<SubmissionFacts['contacts'][number][]> {
  // A participant named as a contact (the referrer themselves, say) keeps their own company: which company they
  // work for is theirs to say, not something a referral decides.
  const participants = await selectParticipantEmails(
    trx,
    contacts.map((contact) => contact.email),
  );
  const people = new Map<string, PersonRow>();
  for (const contact of [...contacts].sort((a, b) => (a.email < b.email ? -1 : 1))) {
    const company = participants.has(contact.email) ? null : companyId;
    people.set(contact.email, await upsertPersonByEmail(trx, { ...contact, companyId: company }, now));
  }
  return contacts.map((contact) => {
    const person = people.get(contact.email);
    if (!person) throw new Error(`Contact ${contact.email} was not stored`);
    return {
      personId: person.id,
      name: person.name,
      email: person.email,
      title: person.title,
      role: contact.role,
    };
  });
}

/**
 * Writes a prepared submission in the caller's transaction: company and contacts into the directory, the fraud
 * verdict, duplicate link, owner, SLA check, credited clicks, history, audit entry and `referral.created` event.
 * Returns the new referral's id.
 */
export async function writeReferral(
  trx: Executor,
  deps: { fraud: FraudEvaluator; ipHashSalt?: string | undefined; now: Date },
  prepared: PreparedSubmission,
  context: SubmissionContext,
): Promise<string> {
  const { track, settings, referrer, enrollment } = prepared;
  const { now } = deps;
  // The upsert locks the company's row until commit, so submissions of one company are serialised and the
  // duplicate check below always sees the earlier one.
  const company = await upsertCompanyByDomain(trx, prepared.company, now);
  const contacts = await upsertContacts(trx, prepared.contacts, company.id, now);

  const id = newId();
  const built = await buildFraudContext(trx, {
    referral: { id, answers: prepared.answers, note: prepared.note, createdAt: now },
    track,
    enrollmentId: enrollment.id,
    referrer,
    company,
    contacts,
    submission: { ip: context.ip ?? null, userAgent: context.userAgent ?? null },
    ipHashSalt: deps.ipHashSalt,
  });
  const assessment = assessFraud(await deps.fraud.evaluate(built.context), settings.fraudThresholds);
  const status = initialStatus(assessment, track.auto_accept);
  const windowStart = attributionWindowStart(track, now);
  const claim = await findEarliestClaim(trx, {
    trackId: track.id,
    companyId: company.id,
    since: windowStart,
  });
  // A blocked referral is nobody's work: it takes no owner and no round-robin turn.
  const ownerId =
    status === 'rejected'
      ? null
      : await routeOwner(trx, { id: track.id, routing: settings.routing }, prepared.answers);
  const slaDueAt = new Date(now.getTime() + track.sla_hours * HOUR_MS);

  await insertReferralRow(trx, {
    id,
    track_id: track.id,
    participant_id: referrer.id,
    company_id: company.id,
    company_name: prepared.company.name,
    status,
    answers: json(prepared.answers),
    note: prepared.note,
    owner_id: ownerId,
    fraud_score: assessment.score,
    fraud_decision: assessment.decision,
    fraud_flags: json(assessment.flags),
    duplicate_of_id: claim?.id ?? null,
    landing_click_id: built.landingClickId,
    submitted_ip_hash: built.ipHash,
    sla_due_at: slaDueAt,
    created_at: now,
    updated_at: now,
  });
  await insertReferralContactRows(trx, id, contacts);
  await insertHistoryRow(trx, {
    referralId: id,
    from: null,
    to: status,
    actor: context.actor,
    reason: initialReason(status, assessment),
    at: now,
  });
  if (AWAITING_DECISION_STATUSES.includes(status)) {
    await writeOutbox(trx, {
      jobName: REFERRAL_SLA_CHECK_JOB,
      payload: { referralId: id },
      availableAt: slaDueAt,
      idempotencyKey: `sla:${id}`,
    });
  }
  await creditClicksToReferral(trx, {
    referralId: id,
    enrollmentId: enrollment.id,
    since: windowStart,
    until: now,
  });
  await emitDomainEvent(
    trx,
    'referral.created',
    { referralId: id, trackId: track.id, participantId: referrer.id, companyId: company.id, status },
    now,
  );
  await recordAudit(trx, {
    actor: context.actor,
    ip: context.ip,
    action: REFERRAL_AUDIT_ACTIONS.created,
    target: { type: 'referral', id },
    changes: diffChanges(
      {},
      {
        track: track.slug,
        participantId: referrer.id,
        companyId: company.id,
        status,
        ownerId,
        duplicateOfId: claim?.id ?? null,
        fraudScore: assessment.score,
        fraudDecision: assessment.decision,
      },
    ),
    at: now,
  });
  return id;
}
