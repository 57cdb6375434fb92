import { z } from 'zod';
import type { AuditContext } from '../audit/audit.schema.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { parseInput, ValidationError, type ValidationIssue } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { emailSchema } from '../users/user.schema.js';
import type { Participant } from './participant.schema.js';
import type { ParticipantService } from './participant.service.js';
import type { ParticipantLoginService } from './participant-login.service.js';

/** What a staff member fills in to invite a referrer. */
export const inviteParticipantInputSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  trackIds: z.array(z.string().min(1).max(100)).min(1, 'Pick at least one track').max(50),
});
export type InviteParticipantInput = z.input<typeof inviteParticipantInputSchema>;

/** What {@link inviteParticipant} needs. */
export interface ParticipantInvitationDeps {
  db: Executor;
  participants: ParticipantService;
  logins: ParticipantLoginService;
  mailer: Mailer;
  /** PUBLIC_URL: where the portal is, for the email. */
  publicUrl: string;
}

/**
 * Invites a referrer: enrols them in the tracks (creating the participant when new, audited by the enrolment) and
 * emails them a one-time portal login link. Inviting someone already enrolled adds the missing tracks and sends a
 * fresh link, so "resend invitation" is the same call. Unknown or archived tracks are a `ValidationError` on
 * `trackIds.N`, and nothing is written.
 */
export async function inviteParticipant(
  deps: ParticipantInvitationDeps,
  input: InviteParticipantInput,
  context: AuditContext,
): Promise<{ participant: Participant; created: boolean }> {
  const fields = parseInput(inviteParticipantInputSchema, input);
  const tracks = await resolveTrackIds(deps.db, fields.trackIds);
  const enrolled = await deps.participants.enroll(
    { email: fields.email, name: fields.name, tracks: tracks.map((track) => track.slug) },
    context,
  );
  const link = await deps.logins.createLoginLink(enrolled.participant.id, context);
  const trackNames = tracks.map((track) => track.name).join(', ');
  const portal = `${deps.publicUrl.replace(/\/+$/, '')}/portal`;
  await deps.mailer.send({
    to: enrolled.participant.email,
    subject: `You're invited to refer: ${trackNames}`,
    text: [
      `Hello ${enrolled.participant.name},`,
      '',
      `You have been invited to our referral program (${trackNames}). Sign in to the portal to get your referral links and introduce companies:`,
      '',
      link.url,
      '',
      `This sign-in link works once, for 15 minutes. Later, sign in at ${portal}.`,
    ].join('\n'),
  });
  return enrolled;
}

/** The tracks with these ids, each once, in the order given; unknown and archived ones are issues on `trackIds.N`. */
async function resolveTrackIds(executor: Executor, ids: readonly string[]) {
  const wanted = [...new Set(ids.filter(isUuid))];
  const found =
    wanted.length === 0
      ? []
      : await executor
          .selectFrom('tracks')
          .select(['id', 'slug', 'name', 'status'])
          .where('id', 'in', wanted)
          .execute();
  const byId = new Map(found.map((track) => [track.id, track]));
  const issues: ValidationIssue[] = [];
  ids.forEach((id, index) => {
    const track = byId.get(id);
    if (!track) issues.push({ path: `trackIds.${index}`, message: `No track with id ${id.slice(0, 100)}` });
    else if (track.status === 'archived')
      issues.push({ path: `trackIds.${index}`, message: `The track ${track.name} is archived` });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}
