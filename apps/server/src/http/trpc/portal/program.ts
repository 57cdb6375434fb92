import { publicProcedure } from '../trpc.js';

/**
 * The public face of the program for the portal's landing page: active tracks with their name, kind, portal copy
 * and branding, and whether anyone may enrol. Nothing internal (routing, SLA, fraud thresholds) is exposed.
 */
export const program = publicProcedure.query(({ ctx }) => ctx.runtime.services.portalTracks.program());
