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
export { type PortalCopy, portalCopySchema } from './track-settings.schema.js';
