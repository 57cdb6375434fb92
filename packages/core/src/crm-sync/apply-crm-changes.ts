import type { CrmChange, OpportunityStageCategory } from '@warmpath/plugin-sdk';
import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { ReferralStatus } from '../referrals/referral.schema.js';
import type { ReferralService } from '../referrals/referral.service.js';
import { canTransition } from '../referrals/transitions.js';
import { findReferralIdByExternalId, insertCrmChange } from './crm-sync.repository.js';
import type { CrmApplyReport, CrmChangeOutcome } from './crm-sync.schema.js';

/** What applying changes needs. */
export interface CrmChangeApplierDeps {
  db: Executor;
  clock: Clock;
  referrals: Pick<ReferralService, 'get' | 'transition'>;
}

/** Who applies changes: the connector itself (pulls, webhooks) or a plugin writing through `ctx.services`. */
export interface CrmChangeActor {
  type: 'plugin' | 'system';
  id: string | null;
}

/** The referral status a closed CRM stage means; open stages move nothing (no stage map yet). */
const CLOSED_STATUS: Partial<Record<OpportunityStageCategory, ReferralStatus>> = {
  won: 'closed_won',
  lost: 'closed_lost',
};

/**
 * Applies CRM changes to referrals, oldest first, the one place pulls, webhooks and plugin writes go through
 * (docs/plugins-crm-and-rewards-engines.md "Applying changes"). A won or lost opportunity closes its referral when
 * the lifecycle allows the move, through `ReferralService.transition` (history, audit entry and
 * `referral.status_changed` event, with `actor`). Anything else is recorded in `crm_changes`, and a move the
 * lifecycle refuses (a closed referral reopened, won after lost) is recorded as refused: CRM data never rewrites
 * history.
 */
export async function applyCrmChanges(
  deps: CrmChangeApplierDeps,
  connectorKey: string,
  changes: readonly CrmChange[],
  actor: CrmChangeActor,
): Promise<CrmApplyReport> {
  const report: CrmApplyReport = { applied: 0, recorded: 0, refused: 0, changes: [] };
  for (const change of changes) {
    const outcome = await applyOne(deps, connectorKey, change, actor);
    await insertCrmChange(deps.db, {
      connectorKey,
      change,
      referralId: outcome.referralId,
      outcome: outcome.outcome,
      note: outcome.note,
      at: deps.clock.now(),
    });
    report[outcome.outcome] += 1;
    report.changes.push(outcome);
  }
  return report;
}

async function applyOne(
  deps: CrmChangeApplierDeps,
  connectorKey: string,
  change: CrmChange,
  actor: CrmChangeActor,
): Promise<CrmChangeOutcome> {
  const referralId = await referralOf(deps.db, connectorKey, change);
  const recorded = (note: string | null): CrmChangeOutcome => ({
    kind: change.kind,
    outcome: 'recorded',
    referralId,
    note,
  });
  if (change.kind === 'contact_role') return recorded('Contact roles are recorded, not applied to referrals');
  const target = CLOSED_STATUS[change.stageCategory];
  if (!target) return recorded(`Open stage "${stageOf(change)}" does not move the referral`);
  if (!referralId) return recorded('The opportunity names no Warmpath referral');

  let current: ReferralStatus;
  try {
    current = (await deps.referrals.get(referralId)).status;
  } catch (error) {
    if (error instanceof NotFoundError) return recorded(`No referral ${referralId}`);
    throw error;
  }
  if (current === target) return recorded(`The referral is already ${target}`);
  if (!canTransition(current, target)) {
    return refused(change, referralId, `A referral cannot move from ${current} to ${target}; not applied`);
  }
  const reason = `CRM ${change.opportunity.system} ${change.opportunity.object} ${change.opportunity.id}: stage "${stageOf(change)}"`;
  try {
    await deps.referrals.transition(referralId, { to: target, reason: reason.slice(0, 1000) }, { actor });
  } catch (error) {
    // The referral moved between the read and the locked write (staff closed it meanwhile), or the move policy
    // refused it: recorded as refused, like a move the lifecycle does not allow.
    if (error instanceof ConflictError || error instanceof ForbiddenError) {
      return refused(change, referralId, `${error.message}; not applied`);
    }
    throw error;
  }
  return { kind: change.kind, outcome: 'applied', referralId, note: `${current} → ${target}` };
}

function refused(change: CrmChange, referralId: string, note: string): CrmChangeOutcome {
  return { kind: change.kind, outcome: 'refused', referralId, note };
}

function stageOf(change: Exclude<CrmChange, { kind: 'contact_role' }>): string {
  return change.kind === 'stage' ? change.to : change.stage;
}

/** The change's referral: the id the CRM record carries, else the referral whose record the host pushed there. */
async function referralOf(db: Executor, connectorKey: string, change: CrmChange): Promise<string | null> {
  const named = change.kind === 'contact_role' ? null : change.referralId;
  if (named !== null) return isUuid(named) ? named : null;
  return findReferralIdByExternalId(db, connectorKey, change.opportunity.id);
}
