import type { Participant } from '../../dto/participant.schema.js';
import type { CrmChangesApplied, DeliveryReported, NoteAdded } from '../../dto/plugin-writes.schema.js';
import type { ReferralDetails } from '../../dto/referral.schema.js';
import type { Track } from '../../dto/track.schema.js';
import type { CrmChange } from '../../extension-points/crm.schema.js';
import type { RewardDeliveryStatus } from '../../extension-points/reward.schema.js';
import type {
  CoreServices,
  ParticipantsFacade,
  ReferralsFacade,
  RewardsFacade,
  TracksFacade,
} from '../../ports/services.js';

/** Records by id, handed out as copies (as if they crossed the boundary). */
export class InMemoryRecords<T> {
  private readonly records = new Map<string, T>();

  constructor(private readonly idOf: (record: T) => string) {}

  async get(id: string): Promise<T | null> {
    const record = this.records.get(id);
    return record === undefined ? null : structuredClone(record);
  }

  /** Adds or replaces a record. */
  put(record: T): void {
    this.records.set(this.idOf(record), structuredClone(record));
  }
}

/** Referrals in memory; the writes plugins make are kept in `crmChanges` and `notes` for tests to read. */
export class InMemoryReferrals extends InMemoryRecords<ReferralDetails> implements ReferralsFacade {
  /** Every change passed to `applyCrmChanges`, in order. */
  readonly crmChanges: CrmChange[] = [];
  /** Every note added, in order. */
  readonly notes: { referralId: string; text: string }[] = [];

  constructor() {
    super((details) => details.referral.id);
  }

  async applyCrmChanges(changes: CrmChange[]): Promise<CrmChangesApplied> {
    this.crmChanges.push(...structuredClone(changes));
    return { applied: 0, recorded: changes.length, refused: 0 };
  }

  async addNote(referralId: string, text: string): Promise<NoteAdded> {
    this.notes.push({ referralId, text });
    return { id: `note-${this.notes.length}` };
  }
}

/** Reward delivery reports kept in memory, in order. */
export class InMemoryRewards implements RewardsFacade {
  readonly reports: { ref: string; status: RewardDeliveryStatus; reason?: string }[] = [];

  async reportDelivery(
    ref: string,
    status: RewardDeliveryStatus,
    reason?: string,
  ): Promise<DeliveryReported> {
    this.reports.push({ ref, status, ...(reason === undefined ? {} : { reason }) });
    return { changed: true };
  }
}

/** Core service facades backed by memory; seed them with `put`. */
export class InMemoryCoreServices implements CoreServices {
  readonly referrals: InMemoryReferrals = new InMemoryReferrals();
  readonly participants: ParticipantsFacade & InMemoryRecords<Participant> = new InMemoryRecords<Participant>(
    (participant) => participant.id,
  );
  readonly tracks: TracksFacade & InMemoryRecords<Track> = new InMemoryRecords<Track>((track) => track.id);
  readonly rewards: InMemoryRewards = new InMemoryRewards();
}
