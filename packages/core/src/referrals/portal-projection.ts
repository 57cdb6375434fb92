import { z } from 'zod';
import {
  contactRoleSchema,
  type Referral,
  type ReferralStatus,
  referralStatusSchema,
} from './referral.schema.js';

/**
 * A referral as its referrer sees it in the portal. Deliberately an allow-list: deal amounts, the owner, internal
 * notes, fraud data, answers, contact emails and who changed what never appear, whatever the full shape gains.
 */
export const portalReferralSchema = z.strictObject({
  id: z.string(),
  track: z.string(),
  status: referralStatusSchema,
  company: z.strictObject({ name: z.string(), domain: z.string() }),
  contacts: z.array(z.strictObject({ name: z.string(), role: contactRoleSchema })),
  createdAt: z.iso.datetime(),
  history: z.array(z.strictObject({ status: referralStatusSchema, at: z.iso.datetime() })),
});
export type PortalReferral = z.infer<typeof portalReferralSchema>;

/** Every referral starts submitted, so a referrer can always be told that much. */
const GROUND_STATUS: ReferralStatus = 'submitted';

/**
 * The status a referrer sees: the real one when the track shows it, else the last visible stage the referral
 * reached (a hidden `meeting_booked` after `accepted` reads `accepted`).
 */
export function visibleStatus(
  status: ReferralStatus,
  history: readonly { status: ReferralStatus }[],
  visibleStages: ReadonlySet<ReferralStatus>,
): ReferralStatus {
  if (visibleStages.has(status)) return status;
  const reached = history.filter((entry) => visibleStages.has(entry.status)).at(-1);
  return reached?.status ?? GROUND_STATUS;
}

/**
 * Projects a referral for its referrer, hiding the stages the track keeps internal. The history ends with the stage
 * reported as its status.
 */
export function toPortalReferral(
  referral: Referral,
  visibleStages: readonly ReferralStatus[],
): PortalReferral {
  const visible = new Set(visibleStages);
  const history = referral.history
    .filter((entry) => visible.has(entry.status))
    .map((entry) => ({ status: entry.status, at: entry.at }));
  return {
    id: referral.id,
    track: referral.track,
    status: visibleStatus(referral.status, referral.history, visible),
    // The name they typed: the shared company may carry another referrer's spelling.
    company: { name: referral.company.submittedName, domain: referral.company.domain },
    contacts: referral.contacts.map((contact) => ({ name: contact.name, role: contact.role })),
    createdAt: referral.createdAt,
    // A referral that reached no visible stage reads "submitted": its history says so too (it was submitted when it
    // was created), rather than showing no stage at all.
    history: history.length > 0 ? history : [{ status: GROUND_STATUS, at: referral.createdAt }],
  };
}
