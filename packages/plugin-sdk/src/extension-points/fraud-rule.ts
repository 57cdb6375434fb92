import type { InjectionToken } from 'tsyringe';
import type { FraudContext, FraudResult } from './fraud.schema.js';

/**
 * Scores one referral for fraud. The host runs every registered rule on submission and combines their scores
 * into allow / review / block. Register with `ctx.fraud.add(name, factory)`.
 */
export interface FraudRule {
  /** The version of this interface the implementation follows. */
  readonly apiVersion: 1;

  /** What the rule checks, in one sentence (shown in the admin console). */
  readonly description: string;

  /**
   * Scores a referral. Pure and deterministic: reads only `context` (no clock, no randomness, no I/O), does not
   * mutate it, and returns the same result for the same input. Every flag explains itself in `message`.
   */
  evaluate(context: FraudContext): FraudResult;
}

/** Resolves every registered {@link FraudRule}. */
export const FraudRuleToken: InjectionToken<FraudRule> = Symbol.for('warmpath.FraudRule');
