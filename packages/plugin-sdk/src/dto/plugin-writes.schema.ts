import { z } from 'zod';

/** Validates a {@link CrmChangesApplied}. */
export const CrmChangesAppliedSchema = z.object({
  /** Changes that moved a referral (a won or lost opportunity closed it). */
  applied: z.number().int().min(0),
  /** Changes kept for later with nothing to do now (open stages, contact roles, unknown referrals). */
  recorded: z.number().int().min(0),
  /** Changes the referral lifecycle refuses (a closed referral reopened): kept, never applied. */
  refused: z.number().int().min(0),
});
/** What `ctx.services.referrals.applyCrmChanges` did with the changes it was given. */
export type CrmChangesApplied = z.infer<typeof CrmChangesAppliedSchema>;

/** Validates a {@link NoteAdded}. */
export const NoteAddedSchema = z.object({ id: z.string().min(1) });
/** The internal note `ctx.services.referrals.addNote` wrote. */
export type NoteAdded = z.infer<typeof NoteAddedSchema>;

/** Validates a {@link DeliveryReported}. */
export const DeliveryReportedSchema = z.object({
  /** False when the report would not move the payout forward (a repeat, or "processing" after "delivered"). */
  changed: z.boolean(),
});
/** What `ctx.services.rewards.reportDelivery` did. */
export type DeliveryReported = z.infer<typeof DeliveryReportedSchema>;
