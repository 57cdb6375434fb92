import type { EnrollmentRow, JsonValue, TrackRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { normaliseDomain } from '../directory/normalise.js';
import { parseInput, ValidationError, type ValidationIssue } from '../errors.js';
import { findTrackRowBySlug } from '../tracks/track.repository.js';
import type { TrackForm } from '../tracks/track.schema.js';
import { type ReferralTrackSettings, readReferralTrackSettings } from '../tracks/track-settings.schema.js';
import { validateAnswers } from './answers.js';
import {
  findEnrollment,
  findEnrollmentByCode,
  findReferrer,
  type ReferrerRecord,
} from './directory-lookups.repository.js';
import { type ContactRole, type SubmitReferralInput, submitReferralInputSchema } from './referral.schema.js';

/** A submission that passed every check, ready to be written. */
export interface PreparedSubmission {
  track: TrackRow;
  settings: ReferralTrackSettings;
  referrer: ReferrerRecord;
  enrollment: EnrollmentRow;
  company: { name: string; domain: string };
  contacts: { name: string; email: string; title: string | null; role: ContactRole }[];
  answers: Record<string, JsonValue>;
  note: string | null;
}

/** Later contacts repeating an earlier contact's email, each named `contacts.N.email`. */
function duplicateContactIssues(contacts: readonly { email: string }[]): ValidationIssue[] {
  const seen = new Set<string>();
  return contacts.flatMap((contact, index) => {
    if (!seen.has(contact.email)) {
      seen.add(contact.email);
      return [];
    }
    return [{ path: `contacts.${index}.email`, message: `${contact.email} is already listed as a contact` }];
  });
}

function domainOrIssue(domain: string, issues: ValidationIssue[]): string {
  try {
    return normaliseDomain(domain, 'company.domain');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return domain;
  }
}

/** The referrer and their enrolment in the track, or the issues that stop the submission. */
async function checkReferrer(
  executor: Executor,
  query: { participantId: string; track: TrackRow | undefined; ref: string | undefined },
  issues: ValidationIssue[],
): Promise<{ referrer: ReferrerRecord; enrollment: EnrollmentRow } | undefined> {
  const referrer = isUuid(query.participantId)
    ? await findReferrer(executor, query.participantId)
    : undefined;
  if (!referrer) {
    issues.push({ path: 'participantId', message: 'No participant with this id' });
    return undefined;
  }
  if (referrer.status !== 'active') {
    issues.push({ path: 'participantId', message: 'The participant is disabled' });
    return undefined;
  }
  if (!query.track) return undefined;
  const enrollment = await findEnrollment(executor, { participantId: referrer.id, trackId: query.track.id });
  if (!enrollment) {
    issues.push({ path: 'participantId', message: `The participant is not enrolled in ${query.track.slug}` });
    return undefined;
  }
  if (query.ref !== undefined && (await findEnrollmentByCode(executor, query.ref))?.id !== enrollment.id) {
    issues.push({ path: 'ref', message: "Not the participant's link code in this track" });
  }
  return { referrer, enrollment };
}

/**
 * Parses and checks a submission (docs/api.md "Referrals", `POST /api/v1/referrals`): the track takes
 * referrals, the participant is enrolled in it, contacts are unique, answers fit the track's form. Throws one
 * `ValidationError` naming every problem found.
 */
export async function prepareSubmission(
  executor: Executor,
  input: SubmitReferralInput,
): Promise<PreparedSubmission> {
  const fields = parseInput(submitReferralInputSchema, input);
  const issues: ValidationIssue[] = [];
  const domain = domainOrIssue(fields.company.domain, issues);
  issues.push(...duplicateContactIssues(fields.contacts));

  const track = await findTrackRowBySlug(executor, fields.track);
  if (!track) issues.push({ path: 'track', message: `No track with slug ${fields.track}` });
  else if (track.status !== 'active') {
    issues.push({
      path: 'track',
      message: `The track ${track.slug} is ${track.status} and takes no referrals`,
    });
  }
  const enrolled = await checkReferrer(
    executor,
    { participantId: fields.participantId, track, ref: fields.ref },
    issues,
  );
  // Only ever written from a parsed `trackFormSchema`.
  const checked = track ? validateAnswers(track.form as TrackForm, fields.answers ?? {}) : undefined;
  if (checked) issues.push(...checked.issues);

  if (issues.length > 0 || !track || !enrolled || !checked) throw new ValidationError(issues);
  return {
    track,
    settings: readReferralTrackSettings(track.settings),
    referrer: enrolled.referrer,
    enrollment: enrolled.enrollment,
    company: { name: fields.company.name, domain },
    contacts: fields.contacts.map((contact) => ({
      name: contact.name,
      email: contact.email,
      title: contact.title || null,
      role: contact.role ?? 'other',
    })),
    answers: checked.answers,
    note: fields.note || null,
  };
}
