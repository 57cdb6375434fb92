import type { JsonValue, ReferralHistoryRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import {
  type ReferralContactRecord,
  type ReferralHeadRecord,
  selectHistoryRows,
  selectReferralContacts,
} from './referral.repository.js';
import type { Referral, ReferralHistoryEntry } from './referral.schema.js';

/** The parts of a stored flag the API shows: what was found, never the evidence. */
function publicFlags(stored: readonly JsonValue[]): Referral['fraud']['flags'] {
  return stored.flatMap((flag) => {
    if (typeof flag !== 'object' || flag === null || Array.isArray(flag)) return [];
    const { code, message } = flag;
    return typeof code === 'string' && typeof message === 'string' ? [{ code, message }] : [];
  });
}

export function toHistoryEntry(row: ReferralHistoryRow): ReferralHistoryEntry {
  return {
    status: row.to_status,
    at: row.at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id },
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}

/** A referral in the API shape from its stored parts. */
export function toReferral(
  head: ReferralHeadRecord,
  contacts: readonly ReferralContactRecord[],
  history: readonly ReferralHistoryRow[],
): Referral {
  const { row } = head;
  return {
    id: row.id,
    track: head.trackSlug,
    participantId: row.participant_id,
    status: row.status,
    company: head.company,
    contacts: contacts.map((contact) => ({
      id: contact.personId,
      name: contact.name,
      email: contact.email,
      title: contact.title,
      role: contact.role,
    })),
    answers: row.answers,
    note: row.note,
    fraud: { score: row.fraud_score, decision: row.fraud_decision, flags: publicFlags(row.fraud_flags) },
    slaDueAt: row.sla_due_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    history: history.map(toHistoryEntry),
    ownerId: row.owner_id,
    duplicateOfId: row.duplicate_of_id,
  };
}

/** Loads the contacts and history of several referrals at once (two queries per page, not two per referral). */
export async function loadReferrals(
  executor: Executor,
  heads: readonly ReferralHeadRecord[],
): Promise<Referral[]> {
  const ids = heads.map((head) => head.row.id);
  // Sequential: inside a transaction both share one connection.
  const contacts = await selectReferralContacts(executor, ids);
  const history = await selectHistoryRows(executor, ids);
  return heads.map((head) =>
    toReferral(
      head,
      contacts.filter((contact) => contact.referralId === head.row.id),
      history.filter((entry) => entry.referral_id === head.row.id),
    ),
  );
}
