import { publicProcedure } from '../trpc.js';

/**
 * The public face of the program for the portal's landing page: active tracks with their name, kind and copy.
 * Nothing internal (routing, SLA, fraud thresholds) is exposed.
 */
export const program = publicProcedure.query(async ({ ctx }) => {
  const tracks = await ctx.runtime.services.tracks.list();
  return {
    tracks: tracks
      .filter((track) => track.status === 'active')
      .map((track) => ({ slug: track.slug, name: track.name, kind: track.kind })),
  };
});
