import type { EnrollmentViewRow, ParticipantProfileRow } from './participant.repository.js';
import type { Participant, PortalParticipant } from './participant.schema.js';

/** The referral link of a code: `PUBLIC_URL/r/{code}` (docs/api.md "Participants"). */
export function referralLinkUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/r/${encodeURIComponent(code)}`;
}

export function toParticipant(
  profile: ParticipantProfileRow,
  enrollments: readonly EnrollmentViewRow[],
  publicUrl: string,
): Participant {
  return {
    id: profile.id,
    email: profile.email,
    name: profile.name,
    title: profile.title,
    ...(profile.company_name !== null && profile.company_domain !== null
      ? { company: { name: profile.company_name, domain: profile.company_domain } }
      : {}),
    enrollments: enrollments.map((row) => ({
      track: row.track_slug,
      code: row.code,
      url: referralLinkUrl(publicUrl, row.code),
    })),
    createdAt: profile.created_at.toISOString(),
  };
}

export function toPortalParticipant(
  profile: ParticipantProfileRow,
  enrollments: readonly EnrollmentViewRow[],
  publicUrl: string,
): PortalParticipant {
  return {
    id: profile.id,
    email: profile.email,
    name: profile.name,
    company: profile.company_name,
    enrollments: enrollments.map((row) => ({
      track: row.track_slug,
      trackName: row.track_name,
      code: row.code,
      url: referralLinkUrl(publicUrl, row.code),
    })),
  };
}
