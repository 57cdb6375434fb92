import { sql } from '@warmpath/db';
import { z } from 'zod';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { containsPattern } from '../common/like-pattern.js';
import { NotFoundError, parseInput } from '../errors.js';
import { findParticipantProfileRow } from './participant.repository.js';
import { referralLinkUrl } from './participant-record.js';

/** Filters and page of the console's participant list. */
export const participantDirectoryQuerySchema = z.strictObject({
  /** Part of the name or email, any letter case. */
  search: z.string().trim().max(200).optional(),
  /** Only participants enrolled in this track. */
  trackId: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type ParticipantDirectoryQuery = z.input<typeof participantDirectoryQuerySchema>;

/** One row of the console's participant list. */
export interface ParticipantListItem {
  id: string;
  name: string;
  email: string;
  title: string | null;
  company: string | null;
  status: 'active' | 'disabled';
  tracks: { id: string; slug: string; name: string }[];
  referralCount: number;
  /** Clicks on the participant's links, bots excluded. */
  clickCount: number;
  createdAt: string;
}

/** One page of participants, newest first. */
export async function listParticipantsForConsole(
  executor: Executor,
  query: ParticipantDirectoryQuery,
): Promise<{ items: ParticipantListItem[]; nextCursor: string | null }> {
  const { search, trackId, limit, cursor } = parseInput(participantDirectoryQuerySchema, query);
  if (trackId !== undefined && !isUuid(trackId)) return { items: [], nextCursor: null };
  let rows = executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .select((eb) => [
      'participants.id',
      'participants.status',
      'participants.created_at',
      'people.name',
      'people.email',
      'people.title',
      eb.fn.coalesce('participants.company_name', 'companies.name').as('company'),
      eb
        .selectFrom('referrals')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('referrals.participant_id', '=', 'participants.id')
        .as('referral_count'),
      eb
        .selectFrom('clicks')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('clicks.participant_id', '=', 'participants.id')
        .where('clicks.is_bot', '=', false)
        .as('click_count'),
    ])
    .orderBy('participants.id', 'desc')
    .limit(limit + 1);
  if (search) {
    const pattern = containsPattern(search);
    rows = rows.where((eb) =>
      eb.or([eb('people.name', 'ilike', pattern), eb('people.email', 'ilike', pattern)]),
    );
  }
  if (trackId !== undefined) {
    rows = rows.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('enrollments')
          .select(sql.lit(1).as('one'))
          .whereRef('enrollments.participant_id', '=', 'participants.id')
          .where('enrollments.track_id', '=', trackId),
      ),
    );
  }
  if (cursor !== undefined) rows = rows.where('participants.id', '<', decodeIdCursor(cursor));
  const found = await rows.execute();
  const page = found.slice(0, limit);
  const tracks = await selectEnrolledTracks(
    executor,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      title: row.title,
      company: row.company,
      status: row.status,
      tracks: tracks.filter((track) => track.participantId === row.id).map(({ participantId, ...t }) => t),
      referralCount: Number(row.referral_count ?? 0),
      clickCount: Number(row.click_count ?? 0),
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor: found.length > limit && last ? encodeIdCursor(last.id) : null,
  };
}

async function selectEnrolledTracks(executor: Executor, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return executor
    .selectFrom('enrollments')
    .innerJoin('tracks', 'tracks.id', 'enrollments.track_id')
    .select(['enrollments.participant_id as participantId', 'tracks.id', 'tracks.slug', 'tracks.name'])
    .where('enrollments.participant_id', 'in', [...participantIds])
    .orderBy('enrollments.id')
    .execute();
}

/** How many of a participant's referrals the profile shows (newest first). */
const PROFILE_REFERRAL_LIMIT = 200;

/** A participant as the console's profile page shows them: enrolments with links and clicks, and referrals. */
export interface ParticipantProfile {
  id: string;
  name: string;
  email: string;
  title: string | null;
  /** The company they gave (else their directory company's name), with the directory company's domain if known. */
  company: { name: string; domain: string | null } | null;
  status: 'active' | 'disabled';
  /** Whether they have set a portal password (they can always sign in with one-time links too). */
  hasPassword: boolean;
  createdAt: string;
  enrollments: {
    trackId: string;
    trackSlug: string;
    trackName: string;
    trackStatus: 'active' | 'paused' | 'archived';
    code: string;
    url: string;
    /** Clicks on this link, bots excluded. */
    clickCount: number;
    /** Clicks flagged as bots (shown apart, so inflated links are visible). */
    botClickCount: number;
    lastClickAt: string | null;
    enrolledAt: string;
  }[];
  referrals: {
    id: string;
    trackSlug: string;
    trackName: string;
    company: string;
    status: string;
    fraudDecision: string;
    createdAt: string;
  }[];
}

/** The profile of the participant with this id; a `NotFoundError` when there is none. */
export async function getParticipantProfile(
  executor: Executor,
  options: { publicUrl: string },
  id: string,
): Promise<ParticipantProfile> {
  const profile = isUuid(id) ? await findParticipantProfileRow(executor, id) : undefined;
  if (!profile) throw new NotFoundError(`No participant with id ${id.slice(0, 100)}`);
  const enrollments = await executor
    .selectFrom('enrollments')
    .innerJoin('tracks', 'tracks.id', 'enrollments.track_id')
    .leftJoin('clicks', 'clicks.enrollment_id', 'enrollments.id')
    .select((eb) => [
      'enrollments.code',
      'enrollments.created_at',
      'tracks.id as track_id',
      'tracks.slug as track_slug',
      'tracks.name as track_name',
      'tracks.status as track_status',
      eb.fn.count<string>('clicks.id').filterWhere('clicks.is_bot', '=', false).as('clicks'),
      eb.fn.count<string>('clicks.id').filterWhere('clicks.is_bot', '=', true).as('bot_clicks'),
      eb.fn.max('clicks.occurred_at').as('last_click_at'),
    ])
    .where('enrollments.participant_id', '=', id)
    .groupBy(['enrollments.id', 'tracks.id'])
    .orderBy('enrollments.id')
    .execute();
  const referrals = await executor
    .selectFrom('referrals')
    .innerJoin('tracks', 'tracks.id', 'referrals.track_id')
    .innerJoin('companies', 'companies.id', 'referrals.company_id')
    .select([
      'referrals.id',
      'referrals.status',
      'referrals.fraud_decision',
      'referrals.created_at',
      'tracks.slug as track_slug',
      'tracks.name as track_name',
      'companies.name as company',
    ])
    .where('referrals.participant_id', '=', id)
    .orderBy('referrals.id', 'desc')
    .limit(PROFILE_REFERRAL_LIMIT)
    .execute();
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  return {
    id: profile.id,
    name: profile.name,
    email: profile.email,
    title: profile.title,
    company:
      profile.company_name !== null ? { name: profile.company_name, domain: profile.company_domain } : null,
    status: profile.status,
    hasPassword: profile.has_password,
    createdAt: profile.created_at.toISOString(),
    enrollments: enrollments.map((row) => ({
      trackId: row.track_id,
      trackSlug: row.track_slug,
      trackName: row.track_name,
      trackStatus: row.track_status,
      code: row.code,
      url: referralLinkUrl(publicUrl, row.code),
      clickCount: Number(row.clicks),
      botClickCount: Number(row.bot_clicks),
      lastClickAt: row.last_click_at === null ? null : new Date(row.last_click_at).toISOString(),
      enrolledAt: row.created_at.toISOString(),
    })),
    referrals: referrals.map((row) => ({
      id: row.id,
      trackSlug: row.track_slug,
      trackName: row.track_name,
      company: row.company,
      status: row.status,
      fraudDecision: row.fraud_decision,
      createdAt: row.created_at.toISOString(),
    })),
  };
}
