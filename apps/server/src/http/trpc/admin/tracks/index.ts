import { router } from '../../trpc.js';
import { trackById } from './by-id.js';
import { trackCreate } from './create.js';
import { tracksList } from './list.js';
import { trackArchive, trackPause, trackResume } from './status-change.js';
import { trackUpdate } from './update.js';

/** `admin.tracks.*`: the console's track list and editor. */
export const adminTracksRouter = router({
  list: tracksList,
  byId: trackById,
  create: trackCreate,
  update: trackUpdate,
  pause: trackPause,
  resume: trackResume,
  archive: trackArchive,
});
