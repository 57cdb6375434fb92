import type { JsonValue } from '@warmpath/db';
import type { ReferralDetails } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { findReferralHead } from './referral.repository.js';
import { loadReferrals } from './referral-record.js';

/**
 * A referral with its company and contacts in the plugin SDK's shapes (what `CrmConnector.upsertReferral` and the
 * `referrals` facade get), or null when there is none with this id. Internal fields (owner, fraud evidence, history)
 * are left out.
 */
export async function loadReferralDetails(executor: Executor, id: string): Promise<ReferralDetails | null> {
  if (!isUuid(id)) return null;
  const head = await findReferralHead(executor, id);
  if (!head) return null;
  const [referral] = await loadReferrals(executor, [head]);
  if (!referral) return null;
  return {
    referral: {
      id: referral.id,
      trackId: head.row.track_id,
      participantId: referral.participantId,
      companyId: referral.company.id,
      status: referral.status,
      answers: referral.answers as Record<string, JsonValue>,
      note: referral.note,
      createdAt: referral.createdAt,
    },
    company: { id: referral.company.id, name: referral.company.name, domain: referral.company.domain },
    contacts: referral.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      email: contact.email,
      title: contact.title,
      role: contact.role,
    })),
  };
}
