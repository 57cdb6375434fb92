import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from './common.schema.js';

/** Validates a {@link Participant}. */
export const ParticipantSchema = z.object({
  id: IdSchema,
  email: EmailSchema,
  name: z.string().min(1),
  title: z.string().nullable(),
  /** The company the participant works at, when known. */
  companyId: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
/** A person enrolled as a referrer in one or more tracks. */
export type Participant = z.infer<typeof ParticipantSchema>;
