import { writeOutbox } from '@warmpath/jobs';
import { roleCan } from '../access/permissions.js';
import type { Executor } from '../common/executor.js';
import type { MailMessage } from '../mail/mailer.js';
import { AWAITING_DECISION_STATUSES } from '../referrals/transitions.js';

/** The job that emails the people responsible for a referral whose SLA was breached. */
export const SLA_BREACH_NOTIFY_JOB = 'notifications.sla-breached';

/**
 * Schedules the breach email in the caller's transaction (outbox), so it is sent if and only if the breach was
 * recorded, and once per referral (the idempotency key names it).
 */
export async function scheduleSlaBreachNotification(
  executor: Executor,
  referralId: string,
  now: Date,
): Promise<void> {
  await writeOutbox(executor, {
    jobName: SLA_BREACH_NOTIFY_JOB,
    payload: { referralId },
    idempotencyKey: `notify.sla-breached.${referralId}`,
    availableAt: now,
  });
}

/**
 * The breach emails for a referral: to its owner when it has an active one, otherwise to every active staff member
 * who may assign referrals (so an unrouted referral reaches someone who can route it). Empty when the referral is
 * gone or was decided meanwhile — a late email about a settled referral would only confuse.
 */
export async function composeSlaBreachEmails(
  executor: Executor,
  referralId: string,
  options: { publicUrl: string },
): Promise<MailMessage[]> {
  const referral = await executor
    .selectFrom('referrals')
    .innerJoin('companies', 'companies.id', 'referrals.company_id')
    .innerJoin('tracks', 'tracks.id', 'referrals.track_id')
    .select([
      'referrals.id',
      'referrals.status',
      'referrals.owner_id as ownerId',
      'referrals.sla_due_at as slaDueAt',
      'referrals.sla_breached_at as slaBreachedAt',
      'companies.name as companyName',
      'tracks.name as trackName',
    ])
    .where('referrals.id', '=', referralId)
    .executeTakeFirst();
  if (!referral || referral.slaBreachedAt === null) return [];
  if (!AWAITING_DECISION_STATUSES.includes(referral.status)) return [];

  const staff = await executor
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role'])
    .where('disabled_at', 'is', null)
    .execute();
  const owner = staff.find((user) => user.id === referral.ownerId);
  const recipients = owner ? [owner] : staff.filter((user) => roleCan(user.role, 'referrals:assign'));

  const link = new URL(`/admin/referrals/${referral.id}`, options.publicUrl).toString();
  const due = referral.slaDueAt?.toISOString().replace('T', ' ').slice(0, 16) ?? 'its due time';
  const subject = `SLA missed: ${referral.companyName} (${referral.trackName}) is waiting for a decision`;
  return recipients.map((recipient) => ({
    to: recipient.email,
    subject,
    text: [
      `Hello ${recipient.name},`,
      '',
      `The referral of ${referral.companyName} in the ${referral.trackName} track was due for a decision by ${due} UTC and is still ${referral.status.replace('_', ' ')}.`,
      owner
        ? 'You are its owner: accept or reject it, or hand it to a colleague.'
        : 'It has no owner yet: assign it to someone who can follow up.',
      '',
      `Open it: ${link}`,
      '',
      'The referrer is waiting to hear back; a quick decision keeps them referring.',
    ].join('\n'),
  }));
}
