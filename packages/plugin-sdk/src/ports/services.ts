import type { Participant } from '../dto/participant.schema.js';
import type { ReferralDetails } from '../dto/referral.schema.js';
import type { Track } from '../dto/track.schema.js';

/** Read access to referrals. */
export interface ReferralsFacade {
  /** A referral with its company and contacts, or null when there is none with this id. */
  get(id: string): Promise<ReferralDetails | null>;
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
}
