import type { AuditContext } from '../audit/audit.schema.js';
import type { Executor } from '../common/executor.js';
import { ConflictError } from '../errors.js';
import type { Track, TrackStatus } from './track.schema.js';
import type { TrackService } from './track.service.js';
import { getTrackById } from './track-lookup.js';

/**
 * What the console's pause/resume/archive buttons do: the status each leads to and the statuses it may start from.
 * Pausing stops a track's links for a while; archiving retires it (its links stop and nobody can be enrolled in
 * it). Resume brings either back, so an archive by mistake is not final.
 */
export const TRACK_STATUS_ACTIONS = {
  pause: { to: 'paused', from: ['active'] },
  resume: { to: 'active', from: ['paused', 'archived'] },
  archive: { to: 'archived', from: ['active', 'paused'] },
} as const satisfies Record<string, { to: TrackStatus; from: readonly TrackStatus[] }>;
export type TrackStatusAction = keyof typeof TRACK_STATUS_ACTIONS;

/**
 * The status `action` moves a track in `current` to: `current` itself when it is already there (repeating a click
 * changes nothing), a `ConflictError` when the action does not apply.
 */
export function nextTrackStatus(current: TrackStatus, action: TrackStatusAction): TrackStatus {
  const { to, from } = TRACK_STATUS_ACTIONS[action];
  if (current === to) return current;
  if (!(from as readonly TrackStatus[]).includes(current)) {
    throw new ConflictError(`A ${current} track cannot be ${action}d`);
  }
  return to;
}

/** Applies a pause/resume/archive to the track with this id through `TrackService.update` (audited there). */
export async function changeTrackStatus(
  deps: { db: Executor; tracks: TrackService },
  id: string,
  action: TrackStatusAction,
  context: AuditContext,
): Promise<Track> {
  const track = await getTrackById(deps.db, id);
  const status = nextTrackStatus(track.status, action);
  if (status === track.status) return track;
  return deps.tracks.update(track.slug, { status }, context);
}
