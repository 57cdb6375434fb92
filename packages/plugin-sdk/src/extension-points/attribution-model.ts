import type { InjectionToken } from 'tsyringe';
import type { AttributionCredit, Conversion, Touchpoint } from './attribution.schema.js';

/**
 * Shares the credit for a conversion among the touchpoints that led to it (first touch, last touch, linear,
 * time decay…). Tracks choose a model by its key. Register with `ctx.attribution.add(name, factory)`.
 */
export interface AttributionModel {
  /** The version of this interface the implementation follows. */
  readonly apiVersion: 1;

  /** What the model does, in one sentence (shown when choosing a track's model). */
  readonly description: string;

  /**
   * Shares credit among touchpoints. The host passes only touchpoints inside the track's attribution window and
   * not after the conversion, in no guaranteed order.
   *
   * Pure and deterministic: same input (in any order) → same credits; no clock, randomness or I/O; input not
   * mutated. Credits are non-negative, name only given touchpoints (at most once each) and sum to 1; no
   * touchpoints → no credits. Break ties on `occurredAt` by `id` so the order of the input does not matter.
   */
  attribute(touchpoints: readonly Touchpoint[], conversion: Conversion): AttributionCredit[];
}

/** Resolves every registered {@link AttributionModel}. */
export const AttributionModelToken: InjectionToken<AttributionModel> =
  Symbol.for('warmpath.AttributionModel');
