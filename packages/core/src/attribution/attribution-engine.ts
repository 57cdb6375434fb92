import {
  type AttributionModel,
  type Conversion,
  ConversionSchema,
  type Touchpoint,
  TouchpointSchema,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { parseInput } from '../errors.js';
import {
  asError,
  findImplementation,
  type ImplementationResolver,
  type PluginFailureListener,
} from '../plugin-points/implementation-resolver.js';
import { checkCredits, type NormalisedCredit } from './attribution-credits.js';
import { AttributionModelError, AttributionModelNotFoundError } from './attribution-errors.js';

/** An attribution model a track may choose. */
export interface AttributionModelSummary {
  /** `attribution:plugin:instance:name`: what a track stores. */
  key: string;
  name: string;
  plugin: string;
  instance: string;
  description: string;
}

/** The credits of one conversion under one model. */
export interface AttributionResult {
  modelKey: string;
  credits: NormalisedCredit[];
}

/** Options of {@link AttributionEngine}. */
export interface AttributionEngineOptions {
  models: ImplementationResolver<AttributionModel>;
  /**
   * Told when a model answers junk, so plugin health counts it as a failed call (a model that throws is counted
   * by the host's instrumentation itself).
   */
  onFailure?: PluginFailureListener;
}

const RunInputSchema = z.object({
  touchpoints: z.array(TouchpointSchema),
  conversion: ConversionSchema,
});

/**
 * Runs attribution models (docs/plugins-engines-and-health.md "Attribution"). Touchpoints come from the caller
 * (there is no touchpoint table yet); the engine drops those after the conversion, hands the model copies, and
 * accepts only credits that keep the contract, so a broken model can fail a run but never store wrong credit.
 */
export class AttributionEngine {
  constructor(private readonly options: AttributionEngineOptions) {}

  /** The loaded models, in load order. */
  models(): AttributionModelSummary[] {
    return this.options.models.list().map(({ key, name, plugin, instance, impl }) => ({
      key,
      name,
      plugin,
      instance,
      description: impl.description,
    }));
  }

  /**
   * Shares the credit for `conversion` among `touchpoints` with the model `modelKey` (a key, or a name only one
   * model has). Throws `ValidationError` for bad input, `AttributionModelNotFoundError`, or
   * `AttributionModelError` when the model throws or breaks its contract.
   */
  run(modelKey: string, touchpoints: readonly Touchpoint[], conversion: Conversion): AttributionResult {
    const input = parseInput(RunInputSchema, { touchpoints, conversion });
    const model = findImplementation(this.options.models, modelKey);
    if (!model) throw new AttributionModelNotFoundError(modelKey);
    const conversionTime = Date.parse(input.conversion.occurredAt);
    const eligible = input.touchpoints.filter(
      (touchpoint) => Date.parse(touchpoint.occurredAt) <= conversionTime,
    );
    if (eligible.length === 0) return { modelKey: model.key, credits: [] };

    let answer: unknown;
    try {
      // Copies: a model that mutates its input must not change what the caller holds.
      answer = model.impl.attribute(structuredClone(eligible), structuredClone(input.conversion));
    } catch (thrown) {
      // Not passed to onFailure: the host's instrumentation has counted the throw already.
      throw new AttributionModelError(model.key, `it threw: ${asError(thrown).message}`, { cause: thrown });
    }
    const checked = checkCredits(answer, eligible);
    if ('problem' in checked) {
      const error = new AttributionModelError(model.key, checked.problem);
      this.options.onFailure?.({ key: model.key, error });
      throw error;
    }
    return { modelKey: model.key, credits: checked.credits };
  }
}
