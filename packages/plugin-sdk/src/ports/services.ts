import type { Participant } from '../dto/participant.schema.js';
import type { CrmChangesApplied, DeliveryReported, NoteAdded } from '../dto/plugin-writes.schema.js';
import type { ReferralDetails } from '../dto/referral.schema.js';
import type { Track } from '../dto/track.schema.js';
import type { CrmChange } from '../extension-points/crm.schema.js';
import type { RewardDeliveryStatus } from '../extension-points/reward.schema.js';

/**
 * Referrals: read access, and the writes plugins may make. Writes are validated (invalid input is refused with an
 * error naming the field) and audited with the actor `plugin:<plugin id>`.
 */
export interface ReferralsFacade {
  /** A referral with its company and contacts, or null when there is none with this id. */
  get(id: string): Promise<ReferralDetails | null>;
  /**
   * Applies changes read from a CRM exactly as the host's own CRM sync does: a won or lost opportunity naming a
   * referral closes it when the lifecycle allows the move; everything else is recorded, never rewriting history.
   */
  applyCrmChanges(changes: CrmChange[]): Promise<CrmChangesApplied>;
  /** Adds an internal (staff-only) note to a referral; referrers never see it. */
  addNote(referralId: string, text: string): Promise<NoteAdded>;
}

/** Rewards: what reward provider plugins report back. Validated and audited like {@link ReferralsFacade} writes. */
export interface RewardsFacade {
  /**
   * Reports the delivery state of a payout this plugin instance issued, by the ref its `issue()` returned. Only
   * moves forward: a delivered payout never goes back to processing.
   * @param reason why delivery failed, readable by staff.
   */
  reportDelivery(ref: string, status: RewardDeliveryStatus, reason?: string): Promise<DeliveryReported>;
}

/** Read access to participants (referrers). */
export interface ParticipantsFacade {
  /** A participant, or null when there is none with this id. */
  get(id: string): Promise<Participant | null>;
}

/** Read access to tracks. */
export interface TracksFacade {
  /** A track, or null when there is none with this id. */
  get(id: string): Promise<Track | null>;
}

/**
 * Read/write facades of the core services, never the database: every read is scoped and every write goes through
 * the same rules, audit log and outbox as the product's own. Open for extension: the host adds facades by module
 * augmentation (`declare module '@warmpath/plugin-sdk' { interface CoreServices { rewards: RewardsFacade } }`).
 */
export interface CoreServices {
  referrals: ReferralsFacade;
  participants: ParticipantsFacade;
  tracks: TracksFacade;
  rewards: RewardsFacade;
}
