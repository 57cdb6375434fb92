import { AttributionCreditSchema, type Touchpoint } from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** How far the shares may sum from 1 (floating-point rounding of thirds and the like). */
export const CREDIT_SUM_TOLERANCE = 1e-6;

/** A touchpoint's share of a conversion, with the referrer it belongs to. */
export interface NormalisedCredit {
  touchpointId: string;
  /** The touchpoint's participant (who earns the share), or null when it has none. */
  participantId: string | null;
  /** 0..1; the shares of one result sum to exactly 1 up to floating-point rounding. */
  credit: number;
}

const CreditsSchema = z.array(AttributionCreditSchema);

/**
 * Checks a model's answer against the `AttributionModel` contract and returns it normalised (rescaled to sum to
 * 1, ordered as the touchpoints occurred), or a sentence saying what is wrong. Junk never reaches storage.
 */
export function checkCredits(
  answer: unknown,
  touchpoints: readonly Touchpoint[],
): { credits: NormalisedCredit[] } | { problem: string } {
  const parsed = CreditsSchema.safeParse(answer);
  if (!parsed.success) return { problem: `its answer is not a list of credits (${parsed.error.message})` };
  const byId = new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
  const seen = new Set<string>();
  for (const { touchpointId, credit } of parsed.data) {
    if (!byId.has(touchpointId))
      return { problem: `it credits "${touchpointId}", which is not a given touchpoint` };
    if (seen.has(touchpointId)) return { problem: `it credits touchpoint "${touchpointId}" twice` };
    // The schema bounds shares to 0..1, but NaN and infinities are checked here to say so plainly.
    if (!Number.isFinite(credit) || credit < 0)
      return { problem: `touchpoint "${touchpointId}" has share ${credit}` };
    seen.add(touchpointId);
  }
  if (touchpoints.length === 0) {
    return parsed.data.length === 0 ? { credits: [] } : { problem: 'it gave credit without touchpoints' };
  }
  const sum = parsed.data.reduce((total, entry) => total + entry.credit, 0);
  if (Math.abs(sum - 1) > CREDIT_SUM_TOLERANCE)
    return { problem: `the shares sum to ${Number(sum.toFixed(9))}, not 1` };
  const time = (id: string) => Date.parse(byId.get(id)?.occurredAt ?? '');
  const credits = parsed.data
    .map((entry) => ({
      touchpointId: entry.touchpointId,
      participantId: byId.get(entry.touchpointId)?.participantId ?? null,
      credit: entry.credit / sum,
    }))
    .sort(
      (a, b) => time(a.touchpointId) - time(b.touchpointId) || a.touchpointId.localeCompare(b.touchpointId),
    );
  return { credits };
}
