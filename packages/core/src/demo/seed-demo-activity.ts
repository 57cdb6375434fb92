import type { WarmpathDatabase } from '@warmpath/db';
import { type AuditActor, SYSTEM_ACTOR } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import { insertClicks } from '../links/link-target.js';
import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '../participants/link-code-generator.js';
import { ParticipantService } from '../participants/participant.service.js';
import type { FraudEvaluator } from '../referrals/fraud.js';
import type { SubmitReferralInput } from '../referrals/referral.schema.js';
import { ReferralService } from '../referrals/referral.service.js';
import { type ReferralMover, SYSTEM_MOVER } from '../referrals/referral-mover.js';
import type { Track } from '../tracks/track.schema.js';
import type { StaffRole } from '../users/user.schema.js';
import { UserService } from '../users/user.service.js';
import { DEMO_SEEDED_ACTION } from './demo.repository.js';
import { type DemoLink, demoClicks } from './demo-clicks.js';
import {
  COMMITTEE_ROLES,
  CONTACT_FAMILY_NAMES,
  CONTACT_GIVEN_NAMES,
  type DemoContactRole,
  TITLES_BY_ROLE,
} from './demo-contacts.js';
import { DEMO_REFERRERS, DEMO_SALES_TEAM, DEMO_VENDOR_DOMAIN, type DemoReferrer } from './demo-referrers.js';
import { DEMO_STORIES, type DemoStory } from './demo-stories.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Any fixed number: the same seed gives the same demo on every first start. */
const DEMO_SEED = 20_261_207;
const CLICK_DAYS = 30;
const CLICKS_PER_DAY = 14;

/** How every demo referral's note starts, so nobody mistakes it for a real introduction. */
export const DEMO_NOTE_PREFIX = 'Demo data. ';

export interface DemoActivityDeps {
  database: Pick<WarmpathDatabase, 'db' | 'appendRows'>;
  /** The installation's fraud rules: the held referrals of the demo are held by them. */
  fraud: FraudEvaluator;
  ipHashSalt: string;
  publicUrl: string;
  /** The moment the demo's timeline ends; every date of the demo lies before it. */
  now: Date;
  /** The staff member who moves the demo's referrals along (the system when absent). */
  reviewer?: DemoReviewer | undefined;
}

/** A staff member, with the role the move policy checks. */
export interface DemoReviewer {
  id: string;
  role: StaffRole;
}

/** What {@link seedDemoActivity} wrote. */
export interface DemoActivity {
  staff: number;
  participants: number;
  referrals: number;
  clicks: number;
}

/**
 * Fills the demo tracks with about two months of activity: a sales team to route to, referrers enrolled, clicks on
 * their links over the last 30 days, and introductions that went through every stage, submitted and moved through
 * the real services at their past dates (the services read the time from a clock the seed sets), so fraud rules,
 * routing, SLA, history and audit behave as they would have. Deterministic apart from ids. Call it once, on an
 * empty program.
 */
export async function seedDemoActivity(
  deps: DemoActivityDeps,
  tracks: readonly Track[],
): Promise<DemoActivity> {
  const random = seededRandom(DEMO_SEED);
  let current = deps.now.getTime() - 60 * DAY_MS;
  const clock: Clock = { now: () => new Date(current) };
  const { db } = deps.database;
  const participants = new ParticipantService({
    db,
    clock,
    publicUrl: deps.publicUrl,
    generateCode: () => demoLinkCode(random),
  });
  const referrals = new ReferralService({ db, clock, fraud: deps.fraud, ipHashSalt: deps.ipHashSalt });
  const actor: AuditActor = deps.reviewer ? { type: 'user', id: deps.reviewer.id } : SYSTEM_ACTOR;
  const reviewer = { actor };
  const mover: ReferralMover = deps.reviewer
    ? { actor: { type: 'user', id: deps.reviewer.id }, role: deps.reviewer.role }
    : SYSTEM_MOVER;

  const staff = new UserService({ db, clock });
  for (const member of DEMO_SALES_TEAM) {
    await staff.createUser({ ...member, email: emailOf(member.name, DEMO_VENDOR_DOMAIN) }, reviewer);
  }

  const links = new Map<string, DemoLink>();
  for (const referrer of DEMO_REFERRERS) {
    current += 3 * HOUR_MS;
    const track = trackOf(tracks, referrer.track);
    const { participant } = await participants.enroll(
      {
        email: emailOf(referrer.name, referrer.company.domain),
        name: referrer.name,
        title: referrer.title,
        company: referrer.company,
        tracks: [track.slug],
      },
      reviewer,
    );
    const code = participant.enrollments[0]?.code;
    const enrollment = code ? await participants.findEnrollmentByCode(code) : null;
    if (!code || !enrollment) throw new Error(`Demo referrer ${referrer.key} has no link`);
    links.set(referrer.key, {
      ...enrollment,
      code,
      landingUrl: track.landingUrl,
      weight: referrer.clickWeight,
    });
  }

  // Clicks first: a referral submitted later is credited with the clicks on its referrer's link before it.
  const clicks = demoClicks([...links.values()], {
    now: deps.now,
    days: CLICK_DAYS,
    perDay: CLICKS_PER_DAY,
    ipHashSalt: deps.ipHashSalt,
    random,
  });
  await insertClicks(deps.database, clicks);

  // Every submission and move is planned first, then played in time order across all stories: ids (UUIDv7, ordered
  // by when the seed ran) and the audit log, newest first by id, then list in the order things happened.
  const plan: { at: number; run: () => Promise<void> }[] = [];
  for (const story of [...DEMO_STORIES].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const referrer = referrerOf(story.referrer);
    const link = links.get(referrer.key);
    if (!link) throw new Error(`Demo referrer ${referrer.key} has no link`);
    let at = submissionTime(story, deps.now, random);
    const submission = demoSubmission(story, referrer, link, random);
    let referralId: string | undefined;
    plan.push({
      at,
      run: async () => {
        referralId = (
          await referrals.submit(submission, { actor: { type: 'participant', id: link.participantId } })
        ).id;
      },
    });
    for (const step of story.steps) {
      // A minute after the previous step at the earliest, so a story's own steps keep their order.
      at = Math.max(at + 60_000, at + step.afterHours * HOUR_MS + random.int(-45, 45) * 60_000);
      if (at >= deps.now.getTime()) throw new Error(`Demo story ${story.company.name} ends in the future`);
      plan.push({
        at,
        run: async () => {
          if (!referralId) throw new Error(`Demo story ${story.company.name} moved before it was submitted`);
          await referrals.transition(
            referralId,
            { to: step.to, ...(step.reason ? { reason: step.reason } : {}) },
            mover,
          );
        },
      });
    }
  }
  for (const step of plan.sort((a, b) => a.at - b.at)) {
    current = step.at;
    await step.run();
  }

  const activity = {
    staff: DEMO_SALES_TEAM.length,
    participants: DEMO_REFERRERS.length,
    referrals: DEMO_STORIES.length,
    clicks: clicks.length,
  };
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: DEMO_SEEDED_ACTION,
    target: { type: 'installation', id: null },
    changes: { ...activity },
    at: deps.now,
  });
  return activity;
}

function trackOf(tracks: readonly Track[], slug: string): Track {
  const track = tracks.find((candidate) => candidate.slug === slug);
  if (!track) throw new Error(`The demo track ${slug} is missing`);
  return track;
}

function referrerOf(key: string): DemoReferrer {
  const referrer = DEMO_REFERRERS.find((candidate) => candidate.key === key);
  if (!referrer) throw new Error(`No demo referrer ${key}`);
  return referrer;
}

/** `first.last@domain`, lower-case letters only. */
function emailOf(name: string, domain: string): string {
  const local = name
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.normalize('NFD').replace(/[^a-z]/g, ''))
    .join('.');
  return `${local}@${domain}`;
}

/** A link code drawn from the seeded source, in the alphabet and length of real ones. */
function demoLinkCode(random: SeededRandom): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += random.pick([...LINK_CODE_ALPHABET]);
  return code;
}

/** `daysAgo` before `now`, give or take an hour and a half, never later than half an hour ago. */
function submissionTime(story: DemoStory, now: Date, random: SeededRandom): number {
  const at = now.getTime() - story.daysAgo * DAY_MS + random.int(-90, 90) * 60_000;
  return Math.min(at, now.getTime() - 30 * 60_000);
}

function demoSubmission(
  story: DemoStory,
  referrer: DemoReferrer,
  link: DemoLink,
  random: SeededRandom,
): SubmitReferralInput {
  const roles: readonly DemoContactRole[] = COMMITTEE_ROLES[story.contactCount];
  const used = new Set<string>();
  const contacts = roles.map((role, index) => {
    let name: string;
    do {
      name = `${random.pick(CONTACT_GIVEN_NAMES)} ${random.pick(CONTACT_FAMILY_NAMES)}`;
    } while (used.has(name));
    used.add(name);
    const titles: readonly string[] = TITLES_BY_ROLE[role];
    const email =
      index === 0 && story.firstContactEmail ? story.firstContactEmail : emailOf(name, story.company.domain);
    return { name, email, role, title: random.pick(titles) };
  });
  return {
    track: referrer.track,
    participantId: link.participantId,
    company: story.company,
    contacts,
    answers: {
      urgency: random.pick(['Exploring', 'Planned this year', 'This quarter', 'Urgent']),
      budgetRange: random.pick(['$10k–$50k', '$50k–$250k', 'Over $250k', 'Unknown']),
      timeline: random.pick(['Within 3 months', '3–6 months', '6–12 months']),
      scope: story.need,
    },
    note: `${DEMO_NOTE_PREFIX}${story.note}`,
    ref: link.code,
  };
}
