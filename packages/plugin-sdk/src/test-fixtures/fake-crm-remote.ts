import type { Clock, CrmChange, ExternalRef } from '../index.js';

interface LoggedChange {
  sequence: number;
  change: CrmChange;
}

/** Stands in for a CRM server: records keyed by Warmpath id, and a change log read by sequence number. */
export class FakeCrmRemote {
  private sequence = 0;
  private readonly log: LoggedChange[] = [];
  private readonly records = new Map<string, ExternalRef>();
  private readonly stages = new Map<string, string>();

  constructor(readonly pageSize = 2) {}

  /** The record for a Warmpath object, created on first use (so upserts are idempotent). */
  upsert(object: string, warmpathId: string): { ref: ExternalRef; isNew: boolean } {
    const existing = this.records.get(`${object}:${warmpathId}`);
    if (existing) return { ref: existing, isNew: false };
    const ref = { system: 'sample-crm', object, id: `${object.toLowerCase()}-${this.records.size + 1}` };
    this.records.set(`${object}:${warmpathId}`, ref);
    return { ref, isNew: true };
  }

  /** Opens an opportunity for a referral and logs it. */
  openOpportunity(referralId: string, clock: Clock): void {
    const { ref } = this.upsert('Opportunity', referralId);
    this.stages.set(referralId, 'Prospecting');
    this.append({
      kind: 'opportunity',
      occurredAt: clock.now().toISOString(),
      opportunity: ref,
      referralId,
      company: null,
      name: `Referral ${referralId}`,
      amount: null,
      currency: null,
      stage: 'Prospecting',
      stageCategory: 'open',
      closeDate: null,
    });
  }

  /** Moves a referral's opportunity to another stage, as a salesperson would. */
  moveStage(referralId: string, to: string, clock: Clock): void {
    const { ref } = this.upsert('Opportunity', referralId);
    const from = this.stages.get(referralId) ?? null;
    this.stages.set(referralId, to);
    this.append({
      kind: 'stage',
      occurredAt: clock.now().toISOString(),
      opportunity: ref,
      referralId,
      from,
      to,
      stageCategory: to === 'Closed Won' ? 'won' : to === 'Closed Lost' ? 'lost' : 'open',
    });
  }

  /** A page of changes after a sequence number. */
  changesAfter(sequence: number): { changes: CrmChange[]; last: number; hasMore: boolean } {
    const pending = this.log.filter((entry) => entry.sequence > sequence);
    const page = pending.slice(0, this.pageSize);
    return {
      changes: page.map((entry) => entry.change),
      last: page.at(-1)?.sequence ?? sequence,
      hasMore: pending.length > page.length,
    };
  }

  private append(change: CrmChange): void {
    this.sequence += 1;
    this.log.push({ sequence: this.sequence, change });
  }
}
