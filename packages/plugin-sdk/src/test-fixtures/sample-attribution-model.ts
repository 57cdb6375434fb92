import type { AttributionModel } from '../index.js';

/** All credit to the earliest touchpoint; ties broken by id so input order never matters. */
export function createFirstTouchModel(): AttributionModel {
  return {
    apiVersion: 1,
    description: 'Gives all the credit to the first touchpoint.',
    attribute(touchpoints) {
      const [first] = [...touchpoints].sort(
        (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id),
      );
      return first ? [{ touchpointId: first.id, credit: 1 }] : [];
    },
  };
}
