import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { NotFoundError } from '../errors.js';
import type { Track } from './track.schema.js';
import { toTrack } from './track-record.js';

/** The track with this id; a `NotFoundError` when there is none (malformed ids included). The console keys by id. */
export async function getTrackById(executor: Executor, id: string): Promise<Track> {
  const row = isUuid(id)
    ? await executor.selectFrom('tracks').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError(`No track with id ${id.slice(0, 100)}`);
  return toTrack(row);
}
