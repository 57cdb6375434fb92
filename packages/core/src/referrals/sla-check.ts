import { SYSTEM_ACTOR } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Executor } from '../common/executor.js';
import { emitDomainEvent } from '../domain-events/emit-domain-event.js';
import { scheduleSlaBreachNotification } from '../notifications/sla-breach-notification.js';
import { lockReferralRow, updateReferralRow } from './referral.repository.js';
import { REFERRAL_AUDIT_ACTIONS } from './referral.schema.js';
import { AWAITING_DECISION_STATUSES } from './transitions.js';

/**
 * What an SLA check found: `breached` (marked now), `not_due` (the check ran before the due time: try again
 * later) or `settled` (decided in time, already marked, or gone: nothing to do).
 */
export type SlaCheckOutcome = 'breached' | 'not_due' | 'settled';

/** The domain event type emitted when a referral waits past its SLA. */
export const REFERRAL_SLA_BREACHED_EVENT = 'referral.sla_breached';

/**
 * Marks a referral's SLA as breached when it is still waiting for a decision (submitted or in review) at its due
 * time: sets `sla_breached_at`, emits `referral.sla_breached`, audits it and schedules the email to whoever must act,
 * in one transaction. Idempotent.
 */
export async function checkReferralSla(
  trx: Executor,
  referralId: string,
  now: Date,
): Promise<SlaCheckOutcome> {
  const row = await lockReferralRow(trx, referralId);
  if (!row || row.sla_breached_at !== null || row.sla_due_at === null) return 'settled';
  if (!AWAITING_DECISION_STATUSES.includes(row.status)) return 'settled';
  if (row.sla_due_at.getTime() > now.getTime()) return 'not_due';
  await updateReferralRow(trx, row.id, { sla_breached_at: now, updated_at: now });
  await emitDomainEvent(
    trx,
    REFERRAL_SLA_BREACHED_EVENT,
    {
      referralId: row.id,
      trackId: row.track_id,
      participantId: row.participant_id,
      status: row.status,
      ownerId: row.owner_id,
      slaDueAt: row.sla_due_at.toISOString(),
    },
    now,
  );
  await recordAudit(trx, {
    actor: SYSTEM_ACTOR,
    action: REFERRAL_AUDIT_ACTIONS.slaBreached,
    target: { type: 'referral', id: row.id },
    changes: { slaBreachedAt: { before: null, after: now.toISOString() }, status: row.status },
    at: now,
  });
  await scheduleSlaBreachNotification(trx, row.id, now);
  return 'breached';
}
