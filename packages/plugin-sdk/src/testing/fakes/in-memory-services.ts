import type { Participant } from '../../dto/participant.schema.js';
import type { ReferralDetails } from '../../dto/referral.schema.js';
import type { Track } from '../../dto/track.schema.js';
import type {
  CoreServices,
  ParticipantsFacade,
  ReferralsFacade,
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

/** Core service facades backed by memory; seed them with `put`. */
export class InMemoryCoreServices implements CoreServices {
  readonly referrals: ReferralsFacade & InMemoryRecords<ReferralDetails> =
    new InMemoryRecords<ReferralDetails>((details) => details.referral.id);
  readonly participants: ParticipantsFacade & InMemoryRecords<Participant> = new InMemoryRecords<Participant>(
    (participant) => participant.id,
  );
  readonly tracks: TracksFacade & InMemoryRecords<Track> = new InMemoryRecords<Track>((track) => track.id);
}
