import type { TrackKind, TrackStatus } from '@warmpath/db';
import { z } from 'zod';
import { DEFAULT_B2B_FORM } from './default-b2b-form.js';
import {
  fraudThresholdsSchema,
  portalCopySchema,
  referralTrackSettingsSchema,
  routingSettingsSchema,
} from './track-settings.schema.js';

export type { TrackKind, TrackStatus };

export const TRACK_KINDS = [
  'client',
  'partner',
  'employee',
  'custom',
] as const satisfies readonly TrackKind[];
export const TRACK_STATUSES = ['active', 'paused', 'archived'] as const satisfies readonly TrackStatus[];
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'url',
  'number',
  'select',
  'multiselect',
  'date',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

const CHOICE_TYPES: readonly FormFieldType[] = ['select', 'multiselect'];

/** An http(s) URL: landing pages and redirect destinations must never be `javascript:` or `data:`. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, message: 'Must be an http or https URL' })
  .max(2048);

/** Lower-case words joined by single hyphens; it appears in URLs and API paths. */
export const trackSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens');

/** One question of a track's intake form. `options` are required for, and only allowed on, choice fields. */
export const formFieldSchema = z
  .strictObject({
    key: z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/,
        'Start with a letter; use letters, digits and underscores (max 64)',
      ),
    label: z.string().trim().min(1).max(200),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
  })
  .superRefine((field, ctx) => {
    const isChoice = CHOICE_TYPES.includes(field.type);
    if (isChoice && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `A ${field.type} field needs options` });
    }
    if (!isChoice && field.options) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Options are only for select and multiselect fields',
      });
    }
    if (field.options && new Set(field.options).size !== field.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Options must be unique' });
    }
  });
export type FormField = z.output<typeof formFieldSchema>;

/** A track's intake form: the questions a referrer answers about the introduction. Keys are unique. */
export const trackFormSchema = z
  .strictObject({ fields: z.array(formFieldSchema).max(50) })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((field, index) => {
      if (seen.has(field.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index, 'key'],
          message: `Duplicate field key ${field.key}`,
        });
      }
      seen.add(field.key);
    });
  });
export type TrackForm = z.output<typeof trackFormSchema>;

// The settable fields without defaults: shared by create (which adds defaults) and update (all optional, so a
// PATCH never resets an omitted field to its default).
const trackFields = {
  slug: trackSlugSchema,
  name: z.string().trim().min(1).max(120),
  kind: z.enum(TRACK_KINDS),
  landingUrl: httpUrlSchema,
  allowedDestinations: z.array(httpUrlSchema).max(50),
  attributionWindowDays: z.number().int().min(1).max(730),
  autoAccept: z.boolean(),
  slaHours: z.number().int().min(1).max(8760),
  form: trackFormSchema,
  /** Scores at which a referral is held for review or blocked (0..100). */
  fraudThresholds: fraudThresholdsSchema,
  /** Owner by answer value (`{ field, equals, ownerId }`), then round-robin over `pool` (or sales and managers). */
  routing: routingSettingsSchema,
  /** Stages a referrer sees; hidden stages show as the last visible one reached. */
  referrerVisibleStages: referralTrackSettingsSchema.shape.referrerVisibleStages.unwrap(),
  portalCopy: portalCopySchema,
  /** Whether the portal lets people enrol themselves (with email verification). */
  selfEnrolment: z.boolean(),
};

/** `POST /api/v1/tracks` body; unknown fields are rejected. */
export const createTrackInputSchema = z.strictObject({
  ...trackFields,
  allowedDestinations: trackFields.allowedDestinations.default([]),
  attributionWindowDays: trackFields.attributionWindowDays.default(90),
  autoAccept: trackFields.autoAccept.default(false),
  slaHours: trackFields.slaHours.default(48),
  // New tracks start from the B2B intake form (docs/architecture.md "Domain"); send `form` to replace it.
  form: trackFields.form.default(DEFAULT_B2B_FORM),
  fraudThresholds: trackFields.fraudThresholds.prefault({}),
  routing: trackFields.routing.prefault({}),
  referrerVisibleStages: referralTrackSettingsSchema.shape.referrerVisibleStages,
  portalCopy: trackFields.portalCopy.default({}),
  selfEnrolment: trackFields.selfEnrolment.default(false),
});
export type CreateTrackInput = z.input<typeof createTrackInputSchema>;

/** `PATCH /api/v1/tracks/{slug}` body: any subset of the fields, plus `status`; unknown fields are rejected. */
export const updateTrackInputSchema = z
  .strictObject({ ...trackFields, status: z.enum(TRACK_STATUSES) })
  .partial();
export type UpdateTrackInput = z.input<typeof updateTrackInputSchema>;

/** A track in the public API's shape (docs/api.md "Tracks"). */
export const trackSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(TRACK_KINDS),
  status: z.enum(TRACK_STATUSES),
  landingUrl: z.string(),
  allowedDestinations: z.array(z.string()),
  attributionWindowDays: z.number().int(),
  autoAccept: z.boolean(),
  slaHours: z.number().int(),
  form: trackFormSchema,
  fraudThresholds: z.object({ review: z.number(), block: z.number() }),
  routing: z.object({
    rules: z.array(
      z.object({
        field: z.string(),
        equals: z.union([z.string(), z.number(), z.boolean()]),
        ownerId: z.string(),
      }),
    ),
    fallback: z.enum(['round_robin', 'none']),
    pool: z.array(z.string()).optional(),
  }),
  referrerVisibleStages: z.array(z.string()),
  portalCopy: portalCopySchema,
  selfEnrolment: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Track = z.infer<typeof trackSchema>;

/** Audit actions written by `TrackService`. */
export const TRACK_AUDIT_ACTIONS = { created: 'track.created', updated: 'track.updated' } as const;
