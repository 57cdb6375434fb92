export { generateLinkCode, LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from './link-code-generator.js';
export type { SignInLinkHolder } from './login-tokens.js';
export {
  type EnrollmentByCode,
  type EnrollmentResult,
  type EnrollParticipantInput,
  enrollParticipantInputSchema,
  type LoginLink,
  loginLinkSchema,
  PARTICIPANT_AUDIT_ACTIONS,
  PARTICIPANT_CREATED_EVENT,
  type Participant,
  type ParticipantEnrollment,
  type PortalParticipant,
  participantEnrollmentSchema,
  participantSchema,
} from './participant.schema.js';
export {
  type EnrollOptions,
  type ParticipantIdentity,
  ParticipantService,
  type ParticipantServiceDeps,
} from './participant.service.js';
export {
  getParticipantProfile,
  listParticipantsForConsole,
  type ParticipantDirectoryQuery,
  type ParticipantListItem,
  type ParticipantProfile,
  participantDirectoryQuerySchema,
} from './participant-directory.js';
export {
  type InviteParticipantInput,
  inviteParticipant,
  inviteParticipantInputSchema,
  type ParticipantInvitationDeps,
} from './participant-invitation.js';
export {
  LOGIN_LINK_TTL_MS,
  ParticipantLoginService,
  type ParticipantLoginServiceDeps,
} from './participant-login.service.js';
