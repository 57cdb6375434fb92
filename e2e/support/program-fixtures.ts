import { randomBytes } from 'node:crypto';
import { e2eEnvironment } from './environment.js';

/*
 * Data a spec sets up for itself over the REST API (with the global setup's all-scopes key), so that every spec
 * passes alone, in any order and next to any other data: names carry a suffix of their own, nothing assumes an
 * empty database.
 */

/** A short lower-case suffix, unique per call: slugs, emails and company names stay apart across specs and runs. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** One call to the REST API with the global setup's key; a non-2xx answer fails the spec with its body. */
export async function restCall<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: object): Promise<T> {
  const { baseUrl, apiKey } = e2eEnvironment();
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface SeededTrack {
  id: string;
  slug: string;
  name: string;
}

/** A track named `<name> <suffix>`, on example.com. */
export async function createTrack(name: string, suffix = uniqueSuffix()): Promise<SeededTrack> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix}`;
  return restCall<SeededTrack>('POST', '/tracks', {
    slug,
    name: `${name} ${suffix}`,
    kind: 'partner',
    landingUrl: `https://example.com/${slug}`,
  });
}

export interface SeededParticipant {
  id: string;
  name: string;
  email: string;
}

/** A participant enrolled in `track`. */
export async function enrolParticipant(
  track: SeededTrack,
  name: string,
  suffix = uniqueSuffix(),
): Promise<SeededParticipant> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${suffix}@partner.example`;
  return restCall<SeededParticipant>('POST', '/participants', { email, name, tracks: [track.slug] });
}

export interface SeededReferral {
  id: string;
  company: { name: string; domain: string };
}

/** A referral of `<companyName> <suffix>` with two people of its buying committee, as the participant's. */
export async function submitReferral(
  track: SeededTrack,
  participant: SeededParticipant,
  companyName: string,
  suffix = uniqueSuffix(),
): Promise<SeededReferral> {
  const domain = `${companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix}.example`;
  return restCall<SeededReferral>('POST', '/referrals', {
    track: track.slug,
    participantId: participant.id,
    company: { name: `${companyName} ${suffix}`, domain },
    contacts: [
      { name: 'Dana Decider', email: `dana@${domain}`, role: 'decision_maker', title: 'COO' },
      { name: 'Chris Champion', email: `chris@${domain}`, role: 'champion', title: 'Head of Operations' },
    ],
  });
}

/** A one-time link (15 minutes) that signs `participant` in to the portal. */
export async function portalLoginLink(participant: SeededParticipant): Promise<string> {
  const { url } = await restCall<{ url: string }>('POST', `/participants/${participant.id}/login-links`);
  return url;
}

/** A track with one participant who referred one company: enough for every list and detail page to show a row. */
export async function seedSmallProgram(label: string) {
  const suffix = uniqueSuffix();
  const track = await createTrack(`${label} track`, suffix);
  const participant = await enrolParticipant(track, `${label} Referrer`, suffix);
  const referral = await submitReferral(track, participant, `${label} Company`, suffix);
  return { track, participant, referral };
}

/** A track as `GET /api/v1/tracks/{slug}` answers it (the fields a round-trip compares). */
export type TrackRecord = SeededTrack & { updatedAt: string } & Record<string, unknown>;

/** Reads a track as the REST API sees it now. */
export function readTrack(slug: string): Promise<TrackRecord> {
  return restCall<TrackRecord>('GET', `/tracks/${slug}`);
}

/** Audit entries about one target, newest first: a save that changed nothing adds none. */
export async function auditEntriesAbout(targetId: string): Promise<Array<{ action: string }>> {
  const { data } = await restCall<{ data: Array<{ action: string }> }>(
    'GET',
    `/audit-log?targetId=${encodeURIComponent(targetId)}`,
  );
  return data;
}
