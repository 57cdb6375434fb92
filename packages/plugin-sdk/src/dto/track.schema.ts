import { z } from 'zod';
import { IdSchema } from './common.schema.js';

/** Validates a {@link TrackKind}. */
export const TrackKindSchema = z.enum(['client', 'partner', 'employee', 'custom']);
/** Who refers through a track. */
export type TrackKind = z.infer<typeof TrackKindSchema>;

/** Validates a {@link Track}. */
export const TrackSchema = z.object({
  id: IdSchema,
  slug: z.string().min(1),
  name: z.string().min(1),
  kind: TrackKindSchema,
  attributionWindowDays: z.number().int().positive(),
  autoAccept: z.boolean(),
});
/** One referral program lane, reduced to what plugins need. */
export type Track = z.infer<typeof TrackSchema>;
