import type { AttributionModel, Touchpoint } from '@warmpath/plugin-sdk';
import type { Settings } from './settings.js';

/** Oldest first; ties on time broken by id, so the order the host passes them in never matters. */
function byTime(a: Touchpoint, b: Touchpoint): number {
  return a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id);
}

/**
 * An {@link AttributionModel} giving all the credit to the first (or last) touchpoint. Pure and deterministic,
 * as the host requires: no clock, randomness or I/O, input not mutated (it sorts a copy).
 */
export function createAttributionModel(settings: Settings): AttributionModel {
  return {
    apiVersion: 1,
    description: `Gives all the credit to the ${settings.touch} touchpoint.`,
    attribute(touchpoints) {
      const sorted = [...touchpoints].sort(byTime);
      const chosen = settings.touch === 'first' ? sorted[0] : sorted.at(-1);
      return chosen ? [{ touchpointId: chosen.id, credit: 1 }] : [];
    },
  };
}
