import { z } from 'zod';
import { emailSchema } from '../users/user.schema.js';

/** `POST /api/v1/participants` body (docs/api.md "Participants"); unknown fields are rejected. */
export const enrollParticipantInputSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200).optional(),
  company: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      // Normalised by the service (normaliseDomain), which names this field when no domain remains.
      domain: z.string().trim().min(1).max(253),
    })
    .optional(),
  tracks: z.array(z.string().min(1).max(100)).min(1, 'Enrol the participant in at least one track').max(50),
});
export type EnrollParticipantInput = z.input<typeof enrollParticipantInputSchema>;

/** One enrolment: the track's slug, the link code and the referral link (`PUBLIC_URL/r/{code}`). */
export const participantEnrollmentSchema = z.object({
  track: z.string(),
  code: z.string(),
  url: z.string(),
});
export type ParticipantEnrollment = z.infer<typeof participantEnrollmentSchema>;

/** A participant in the public API's shape (docs/api.md "Participants"). */
export const participantSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  company: z.object({ name: z.string(), domain: z.string() }).optional(),
  enrollments: z.array(participantEnrollmentSchema),
  createdAt: z.iso.datetime(),
});
export type Participant = z.infer<typeof participantSchema>;

/** What `ParticipantService.enroll` returns: the participant, and whether this call created it. */
export interface EnrollmentResult {
  participant: Participant;
  created: boolean;
}

/** What the portal shows a signed-in participant about themselves: their links, with each track's name. */
export interface PortalParticipant {
  id: string;
  email: string;
  name: string;
  /** The company they work for, as they gave it (or as the directory knows it); null when unknown. */
  company: string | null;
  enrollments: { track: string; trackName: string; code: string; url: string }[];
}

/** The enrolment a link code belongs to (the `/r/{code}` lookup). */
export interface EnrollmentByCode {
  enrollmentId: string;
  participantId: string;
  trackId: string;
}

/** A one-time portal login link: give `url` to the participant before `expiresAt`. */
export const loginLinkSchema = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type LoginLink = z.infer<typeof loginLinkSchema>;

/** Audit actions and domain events of participants. */
export const PARTICIPANT_AUDIT_ACTIONS = {
  created: 'participant.created',
  enrolled: 'participant.enrolled',
  updated: 'participant.updated',
  loginLinkCreated: 'participant.login_link_created',
} as const;

/** The domain event (and webhook type) of a new participant. */
export const PARTICIPANT_CREATED_EVENT = 'participant.created';
