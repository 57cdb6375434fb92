export { ignoreMailErrors, type MailErrorReporter } from './background-mail.js';
export { MAGIC_LINK_TTL_MS, MagicLinkService, type MagicLinkServiceDeps } from './magic-link.service.js';
export {
  PORTAL_AUDIT_ACTIONS,
  type PortalSubmitReferralInput,
  portalFormForInputSchema,
  portalSignInInputSchema,
  portalSubmitReferralInputSchema,
  type ResetPortalPasswordInput,
  requestMagicLinkInputSchema,
  requestPortalPasswordResetInputSchema,
  resetPortalPasswordInputSchema,
  type SelfEnrolmentRequestInput,
  type SetPortalPasswordInput,
  selfEnrolmentRequestInputSchema,
  setPortalPasswordInputSchema,
  type UpdatePortalProfileInput,
  updatePortalProfileInputSchema,
} from './portal.schema.js';
export {
  PortalAccountService,
  type PortalAccountServiceDeps,
  type PortalRequestContext,
} from './portal-account.service.js';
export {
  PortalPasswordResetService,
  type PortalPasswordResetServiceDeps,
} from './portal-password-reset.service.js';
export {
  PortalReferralService,
  type PortalReferralServiceDeps,
  type PortalSubmissionContext,
} from './portal-referral.service.js';
export { PortalSignInService, type PortalSignInServiceDeps } from './portal-sign-in.service.js';
export {
  type MyTrack,
  PortalTrackService,
  type PortalTrackServiceDeps,
  type ProgramTrack,
  type ReferralForm,
} from './portal-tracks.service.js';
export {
  ENROLMENT_LINK_TTL_MS,
  SelfEnrolmentService,
  type SelfEnrolmentServiceDeps,
} from './self-enrolment.service.js';
export { buildShareText, SHARE_LINK_PLACEHOLDER, type ShareText } from './share-text.js';
