import { type JsonValue, json, newId, type TrackRow, type TrackUpdate } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { type Executor, isUniqueViolation } from '../common/executor.js';
import { ConflictError, NotFoundError, parseInput } from '../errors.js';
import {
  findTrackRowBySlug,
  insertTrackRow,
  lockTrackRowBySlug,
  selectTrackRows,
  updateTrackRow,
} from './track.repository.js';
import {
  type CreateTrackInput,
  createTrackInputSchema,
  TRACK_AUDIT_ACTIONS,
  type Track,
  type UpdateTrackInput,
  updateTrackInputSchema,
} from './track.schema.js';
import { auditSnapshot, toTrack, trackSettingsSnapshot } from './track-record.js';

/** Dependencies of {@link TrackService}. */
export interface TrackServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
}

/** Referral program lanes (docs/architecture.md "Domain"): create, read, change; every change audited. */
export class TrackService {
  readonly #db: Executor;
  readonly #clock: Clock;

  constructor(deps: TrackServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
  }

  /** Creates an active track (audited). A taken slug is a `ConflictError`; invalid input a `ValidationError`. */
  async create(input: CreateTrackInput, context: AuditContext = SYSTEM_CONTEXT): Promise<Track> {
    const fields = parseInput(createTrackInputSchema, input);
    const now = this.#clock.now();
    try {
      return await this.#db.transaction().execute(async (trx) => {
        if (await findTrackRowBySlug(trx, fields.slug)) throw slugTaken(fields.slug);
        const row = await insertTrackRow(trx, {
          id: newId(),
          slug: fields.slug,
          name: fields.name,
          kind: fields.kind,
          landing_url: fields.landingUrl,
          allowed_destinations: json(fields.allowedDestinations),
          attribution_window_days: fields.attributionWindowDays,
          auto_accept: fields.autoAccept,
          sla_hours: fields.slaHours,
          form: json(fields.form),
          settings: json({
            fraudThresholds: fields.fraudThresholds,
            routing: fields.routing,
            referrerVisibleStages: fields.referrerVisibleStages,
            portalCopy: fields.portalCopy,
            selfEnrolment: fields.selfEnrolment,
          }),
          created_at: now,
          updated_at: now,
        });
        await recordAudit(trx, {
          ...context,
          action: TRACK_AUDIT_ACTIONS.created,
          target: { type: 'track', id: row.id },
          changes: diffChanges({}, auditSnapshot(row)),
          at: now,
        });
        return toTrack(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(fields.slug);
      throw error;
    }
  }

  /** Every track, oldest first. */
  async list(): Promise<Track[]> {
    return (await selectTrackRows(this.#db)).map(toTrack);
  }

  /** The track with this slug; a `NotFoundError` when there is none. */
  async getBySlug(slug: string): Promise<Track> {
    const track = await this.findBySlug(slug);
    if (!track) throw trackNotFound(slug);
    return track;
  }

  /** The track with this slug, or null. */
  async findBySlug(slug: string): Promise<Track | null> {
    const row = await findTrackRowBySlug(this.#db, slug);
    return row ? toTrack(row) : null;
  }

  /**
   * Changes the given fields of a track (audited with each field's before and after). Renaming to a taken slug
   * is a `ConflictError`. A change that changes nothing writes nothing.
   */
  async update(
    slug: string,
    input: UpdateTrackInput,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<Track> {
    const fields = parseInput(updateTrackInputSchema, input);
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const current = await lockTrackRowBySlug(trx, slug);
        if (!current) throw trackNotFound(slug);
        const before = auditSnapshot(current);
        // The snapshot uses API field names, so the parsed input overlays it directly.
        const requested = { ...before, ...(JSON.parse(JSON.stringify(fields)) as Record<string, JsonValue>) };
        if (Object.keys(diffChanges(before, requested)).length === 0) return toTrack(current);
        if (
          fields.slug !== undefined &&
          fields.slug !== current.slug &&
          (await findTrackRowBySlug(trx, fields.slug))
        ) {
          throw slugTaken(fields.slug);
        }
        const now = this.#clock.now();
        const row = await updateTrackRow(trx, current.id, {
          ...toRowChanges(fields, current),
          updated_at: now,
        });
        await recordAudit(trx, {
          ...context,
          action: TRACK_AUDIT_ACTIONS.updated,
          target: { type: 'track', id: row.id },
          changes: diffChanges(auditSnapshot(current), auditSnapshot(row)),
          at: now,
        });
        return toTrack(row);
      });
    } catch (error) {
      if (isUniqueViolation(error) && fields.slug !== undefined) throw slugTaken(fields.slug);
      throw error;
    }
  }
}

type ParsedUpdate = ReturnType<typeof updateTrackInputSchema.parse>;

/** The row columns a parsed PATCH sets; omitted fields stay as they are. */
function toRowChanges(fields: ParsedUpdate, current: TrackRow): TrackUpdate {
  const changes: TrackUpdate = {};
  if (fields.slug !== undefined) changes.slug = fields.slug;
  if (fields.name !== undefined) changes.name = fields.name;
  if (fields.kind !== undefined) changes.kind = fields.kind;
  if (fields.status !== undefined) changes.status = fields.status;
  if (fields.landingUrl !== undefined) changes.landing_url = fields.landingUrl;
  if (fields.allowedDestinations !== undefined)
    changes.allowed_destinations = json(fields.allowedDestinations);
  if (fields.attributionWindowDays !== undefined)
    changes.attribution_window_days = fields.attributionWindowDays;
  if (fields.autoAccept !== undefined) changes.auto_accept = fields.autoAccept;
  if (fields.slaHours !== undefined) changes.sla_hours = fields.slaHours;
  if (fields.form !== undefined) changes.form = json(fields.form);
  const { fraudThresholds, routing, referrerVisibleStages, portalCopy, selfEnrolment } = fields;
  const settings = { fraudThresholds, routing, referrerVisibleStages, portalCopy, selfEnrolment };
  const changed = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  if (Object.keys(changed).length > 0) {
    changes.settings = json({ ...trackSettingsSnapshot(current.settings), ...changed });
  }
  return changes;
}

function slugTaken(slug: string): ConflictError {
  return new ConflictError(`The slug ${slug} is already taken by another track`);
}

function trackNotFound(slug: string): NotFoundError {
  return new NotFoundError(`No track with slug ${slug}`);
}
