import { staffProcedure } from '../../trpc.js';

/** Every track, for the console's track switcher and list. */
export const tracksList = staffProcedure
  .meta({ permission: 'tracks:read' })
  .query(({ ctx }) => ctx.runtime.services.tracks.list());
