export { type AnswersCheck, validateAnswers } from './answers.js';
export {
  type AssignReferralInput,
  assignReferral,
  assignReferralInputSchema,
  listAssignableOwners,
  REFERRAL_ASSIGNED_ACTION,
} from './assign-referral.js';
export {
  assessFraud,
  type FraudAssessment,
  type FraudEvaluator,
  type FraudRuleOutcome,
  fraudDecision,
  NO_FRAUD_RULES,
  type StoredFraudFlag,
} from './fraud.js';
export { isHeldForReview } from './held-for-review.js';
export {
  type PortalReferral,
  portalReferralSchema,
  toPortalReferral,
  visibleStatus,
} from './portal-projection.js';
export {
  addNoteInputSchema,
  CONTACT_ROLES,
  type ContactRole,
  contactRoleSchema,
  FRAUD_DECISIONS,
  type FraudDecision,
  REFERRAL_AUDIT_ACTIONS,
  REFERRAL_SLA_CHECK_JOB,
  REFERRAL_STATUSES,
  type Referral,
  type ReferralHistoryEntry,
  type ReferralListQuery,
  type ReferralNote,
  type ReferralPage,
  type ReferralStatus,
  referralHistoryEntrySchema,
  referralListQuerySchema,
  referralNoteSchema,
  referralSchema,
  referralStatusSchema,
  type SubmitReferralInput,
  submitReferralInputSchema,
  type TransitionInput,
  transitionInputSchema,
} from './referral.schema.js';
export { ReferralService, type ReferralServiceDeps } from './referral.service.js';
export {
  type ReferralBoardColumn,
  type ReferralBoardQuery,
  referralBoard,
  referralBoardQuerySchema,
} from './referral-board.js';
export {
  type ExplainedFraudFlag,
  explainFlags,
  getReferralDetail,
  type ReferralDetail,
} from './referral-console-detail.js';
export {
  countReferralsByStatus,
  listReferralsForConsole,
  type ReferralConsoleFilters,
  type ReferralConsoleListQuery,
  type ReferralListItem,
  type ReferralListPage,
  referralConsoleFiltersSchema,
  referralConsoleListQuerySchema,
} from './referral-console-list.js';
export { loadReferralDetails } from './referral-details.js';
export {
  assertMayMove,
  moverMayReview,
  type ReferralMovePolicy,
  type ReferralMover,
  SYSTEM_MOVER,
} from './referral-mover.js';
export {
  decideReview,
  listReviewQueue,
  REVIEW_DECISIONS,
  type ReviewDecision,
  type ReviewDecisionInput,
  type ReviewQueueItem,
  type ReviewQueueQuery,
  reviewDecisionInputSchema,
  reviewQueueQuerySchema,
} from './review-queue.js';
export { REFERRAL_SLA_BREACHED_EVENT, type SlaCheckOutcome } from './sla-check.js';
export {
  AWAITING_DECISION_STATUSES,
  assertTransition,
  canTransition,
  REFERRAL_TRANSITIONS,
  TERMINAL_STATUSES,
} from './transitions.js';
export { initialStatus, type SubmissionContext } from './write-referral.js';
