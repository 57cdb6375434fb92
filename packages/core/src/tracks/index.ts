export { DEFAULT_B2B_FORM } from './default-b2b-form.js';
export {
  type CreateTrackInput,
  createTrackInputSchema,
  FORM_FIELD_TYPES,
  type FormField,
  type FormFieldType,
  formFieldSchema,
  httpUrlSchema,
  TRACK_AUDIT_ACTIONS,
  TRACK_KINDS,
  TRACK_STATUSES,
  type Track,
  type TrackForm,
  type TrackKind,
  type TrackStatus,
  trackFormSchema,
  trackSchema,
  trackSlugSchema,
  type UpdateTrackInput,
  updateTrackInputSchema,
} from './track.schema.js';
export { TrackService, type TrackServiceDeps } from './track.service.js';
export { getTrackById } from './track-lookup.js';
export {
  type FraudThresholds,
  fraudThresholdsSchema,
  type PortalCopy,
  portalCopySchema,
  type ReferralTrackSettings,
  type RoutingRule,
  type RoutingSettings,
  readReferralTrackSettings,
  referralTrackSettingsSchema,
  routingRuleSchema,
  routingSettingsSchema,
} from './track-settings.schema.js';
export {
  changeTrackStatus,
  nextTrackStatus,
  TRACK_STATUS_ACTIONS,
  type TrackStatusAction,
} from './track-status-change.js';
