import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import {
  ConflictError,
  NotFoundError,
  parseInput,
  ValidationError,
  type ValidationIssue,
} from '../errors.js';
import type { PortalReferral } from '../referrals/portal-projection.js';
import type { ReferralService } from '../referrals/referral.service.js';
import { companyDomainOf } from './company-domain.js';
import { type PortalSubmitReferralInput, portalSubmitReferralInputSchema } from './portal.schema.js';
import {
  claimSubmissionId,
  completeSubmission,
  findSubmittedReferralId,
  releaseSubmissionId,
} from './portal-submission.repository.js';
import { findMyTrackRow } from './portal-tracks.repository.js';

/** Dependencies of {@link PortalReferralService}. */
export interface PortalReferralServiceDeps {
  db: Executor;
  referrals: ReferralService;
  clock?: Clock | undefined;
}

/** Where a portal submission comes from: the client's IP and user agent feed the fraud rules. */
export interface PortalSubmissionContext {
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
}

/** Issue paths of the referral API that the portal form names differently. */
const PORTAL_PATHS: Readonly<Record<string, string>> = { track: 'trackSlug', participantId: 'trackSlug' };

/**
 * Guided referrals from the portal. A submission goes through the same path as `POST /api/v1/referrals` (the same
 * validation, fraud rules, duplicate priority, routing and SLA), with the signed-in participant as the referrer, and
 * comes back in the portal's projection. A client `submissionId` makes repeats return the first referral.
 */
export class PortalReferralService {
  readonly #db: Executor;
  readonly #referrals: ReferralService;
  readonly #clock: Clock;

  constructor(deps: PortalReferralServiceDeps) {
    this.#db = deps.db;
    this.#referrals = deps.referrals;
    this.#clock = deps.clock ?? systemClock;
  }

  /**
   * Submits a referral for the participant. Bad input is one `ValidationError` naming each field in the portal's
   * terms (`company.domain`, `contacts.1.email`, `answers.budget`…); a track the participant is not enrolled in is
   * a `NotFoundError`; a repeat of a submission still in flight is a `ConflictError`.
   */
  async submit(
    participantId: string,
    input: PortalSubmitReferralInput,
    context: PortalSubmissionContext = {},
  ): Promise<PortalReferral> {
    const fields = parseInput(portalSubmitReferralInputSchema, input);
    if (!isUuid(participantId) || !(await findMyTrackRow(this.#db, participantId, fields.trackSlug))) {
      throw new NotFoundError(`You are not enrolled in a track ${fields.trackSlug}`);
    }
    const issues: ValidationIssue[] = [];
    const domain = companyDomainOf(fields.company, fields.contacts, issues);
    if (!domain) throw new ValidationError(issues);

    const key = fields.submissionId ? { participantId, submissionId: fields.submissionId } : undefined;
    if (key) {
      const claimed = await claimSubmissionId(this.#db, {
        participant_id: participantId,
        submission_id: key.submissionId,
        created_at: this.#clock.now(),
      });
      if (!claimed) return this.#repeat(key);
    }
    try {
      const referral = await this.#referrals.submit(
        {
          track: fields.trackSlug,
          participantId,
          company: { name: fields.company.name, domain },
          contacts: fields.contacts,
          answers: fields.answers,
        },
        {
          actor: { type: 'participant', id: participantId },
          ip: context.ip ?? null,
          userAgent: context.userAgent ?? null,
        },
      );
      if (key) await completeSubmission(this.#db, key, referral.id);
      return this.#referrals.getForParticipant(participantId, referral.id);
    } catch (error) {
      if (key) await releaseSubmissionId(this.#db, key);
      if (error instanceof ValidationError) throw inPortalTerms(error);
      throw error;
    }
  }

  async #repeat(key: { participantId: string; submissionId: string }): Promise<PortalReferral> {
    const referralId = await findSubmittedReferralId(this.#db, key.participantId, key.submissionId);
    if (referralId) return this.#referrals.getForParticipant(key.participantId, referralId);
    throw new ConflictError('This referral is still being submitted; check My referrals in a moment');
  }
}

function inPortalTerms(error: ValidationError): ValidationError {
  return new ValidationError(
    error.issues.map((issue) => ({ ...issue, path: PORTAL_PATHS[issue.path] ?? issue.path })),
  );
}
