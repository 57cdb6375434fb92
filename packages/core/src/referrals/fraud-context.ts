import type { CompanyRow, JsonValue, TrackRow } from '@warmpath/db';
import type { FraudContext } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';
import { hashIp } from '../common/ip-hash.js';
import { countClicksFromIpHash, findLandingClick } from '../links/click-credit.js';
import type { ReferrerRecord } from './directory-lookups.repository.js';
import { countFraudHistory, selectPriorReferrals } from './fraud-history.repository.js';
import type { ContactRole } from './referral.schema.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** What the service knows about a submission before it is scored. */
export interface SubmissionFacts {
  referral: {
    id: string;
    answers: Record<string, JsonValue>;
    note: string | null;
    createdAt: Date;
  };
  track: TrackRow;
  enrollmentId: string;
  referrer: ReferrerRecord;
  company: CompanyRow;
  contacts: readonly {
    personId: string;
    name: string;
    email: string;
    title: string | null;
    role: ContactRole;
  }[];
  submission: { ip: string | null; userAgent: string | null };
  /** Salt of the IP hash (the one click records use); without it the context carries no hash or click count. */
  ipHashSalt?: string | undefined;
}

/** The fraud context plus what the service stores from it. */
export interface BuiltFraudContext {
  context: FraudContext;
  landingClickId: string | null;
  ipHash: string | null;
}

/** The start of a track's attribution window for something happening at `now`. */
export function attributionWindowStart(track: Pick<TrackRow, 'attribution_window_days'>, now: Date): Date {
  return new Date(now.getTime() - track.attribution_window_days * DAY_MS);
}

/**
 * Gathers everything fraud rules may look at (the SDK's `FraudContext`), so the rules themselves stay pure: the
 * referrer's recent activity, earlier referrals of the same company or people, whether the company is already a
 * customer, the landing click on the referrer's link, and the submitting address's recent clicks.
 */
export async function buildFraudContext(
  executor: Executor,
  facts: SubmissionFacts,
): Promise<BuiltFraudContext> {
  const { referral, track, referrer, company } = facts;
  const now = referral.createdAt;
  const windowStart = attributionWindowStart(track, now);
  const history = await countFraudHistory(executor, {
    participantId: referrer.id,
    companyId: company.id,
    now,
  });
  const priorReferrals = await selectPriorReferrals(executor, {
    companyId: company.id,
    personIds: facts.contacts.map((contact) => contact.personId),
    trackId: track.id,
    windowStart,
  });
  const landingClick = await findLandingClick(executor, {
    enrollmentId: facts.enrollmentId,
    since: windowStart,
    until: now,
  });
  const { ip, userAgent } = facts.submission;
  const ipHash = ip && facts.ipHashSalt ? hashIp(ip, facts.ipHashSalt) : null;
  const clicksFromIpHashLastHour = ipHash
    ? Number(
        await countClicksFromIpHash(executor, {
          ipHash,
          since: new Date(now.getTime() - HOUR_MS),
          until: now,
        }),
      )
    : undefined;

  const context: FraudContext = {
    referral: {
      id: referral.id,
      trackId: track.id,
      participantId: referrer.id,
      companyId: company.id,
      status: 'submitted',
      answers: referral.answers,
      note: referral.note,
      createdAt: now.toISOString(),
    },
    company: { id: company.id, name: company.name, domain: company.domain },
    contacts: facts.contacts.map((contact) => ({
      id: contact.personId,
      name: contact.name,
      email: contact.email,
      title: contact.title,
      role: contact.role,
    })),
    participant: {
      id: referrer.id,
      email: referrer.email,
      name: referrer.name,
      title: referrer.title,
      companyId: referrer.companyId,
      createdAt: referrer.createdAt.toISOString(),
    },
    track: {
      id: track.id,
      slug: track.slug,
      name: track.name,
      kind: track.kind,
      attributionWindowDays: track.attribution_window_days,
      autoAccept: track.auto_accept,
    },
    history,
    submission: {
      ip,
      userAgent,
      ipHash,
      ...(clicksFromIpHashLastHour === undefined ? {} : { clicksFromIpHashLastHour }),
    },
    priorReferrals: priorReferrals.map((prior) => ({ ...prior, createdAt: prior.createdAt.toISOString() })),
    companyStatus: {
      isCustomer: company.is_customer,
      customerSince: company.is_customer ? (company.customer_since?.toISOString() ?? null) : null,
    },
    landingClick: landingClick
      ? {
          id: landingClick.id,
          occurredAt: landingClick.occurred_at.toISOString(),
          queryParams: landingClick.query,
        }
      : null,
  };
  return { context, landingClickId: landingClick?.id ?? null, ipHash };
}
