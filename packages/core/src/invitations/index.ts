export {
  type AcceptInvitationInput,
  acceptInvitationInputSchema,
  INVITATION_AUDIT_ACTIONS,
  INVITATION_TTL_MS,
  type InvitationPreview,
  type InviteStaffInput,
  invitationPreviewSchema,
  inviteStaffInputSchema,
  type StaffInvitation,
  staffInvitationSchema,
} from './invitation.schema.js';
export {
  type Inviter,
  StaffInvitationService,
  type StaffInvitationServiceDeps,
} from './invitation.service.js';
