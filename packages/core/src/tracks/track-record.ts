import type { JsonValue, TrackRow } from '@warmpath/db';
import type { Track, TrackForm } from './track.schema.js';
import { portalCopySchema, readReferralTrackSettings } from './track-settings.schema.js';

export function toTrack(row: TrackRow): Track {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    status: row.status,
    landingUrl: row.landing_url,
    allowedDestinations: row.allowed_destinations,
    attributionWindowDays: row.attribution_window_days,
    autoAccept: row.auto_accept,
    slaHours: row.sla_hours,
    // Only ever written from a parsed `trackFormSchema`.
    form: row.form as TrackForm,
    ...readReferralTrackSettings(row.settings),
    portalCopy: portalCopySchema.catch({}).parse(row.settings.portalCopy ?? {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The audited fields of a track, in API names. */
export function auditSnapshot(row: TrackRow | undefined): Record<string, JsonValue> {
  if (!row) return {};
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    status: row.status,
    landingUrl: row.landing_url,
    allowedDestinations: row.allowed_destinations,
    attributionWindowDays: row.attribution_window_days,
    autoAccept: row.auto_accept,
    slaHours: row.sla_hours,
    form: row.form,
    ...trackSettingsSnapshot(row.settings),
  };
}

/** The settings a track stores in its `settings` column, in API names with defaults filled in. */
export function trackSettingsSnapshot(settings: Record<string, JsonValue>): Record<string, JsonValue> {
  const { fraudThresholds, routing, referrerVisibleStages, selfEnrolment } =
    readReferralTrackSettings(settings);
  return JSON.parse(
    JSON.stringify({
      fraudThresholds,
      routing,
      referrerVisibleStages,
      selfEnrolment,
      portalCopy: portalCopySchema.catch({}).parse(settings.portalCopy ?? {}),
    }),
  ) as Record<string, JsonValue>;
}
