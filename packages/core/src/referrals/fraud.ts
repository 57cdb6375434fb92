import type { JsonValue } from '@warmpath/db';
import type { FraudContext, FraudFlag } from '@warmpath/plugin-sdk';
import type { FraudThresholds } from '../tracks/track-settings.schema.js';
import type { FraudDecision } from './referral.schema.js';

/** What one fraud rule concluded about a referral. */
export interface FraudRuleOutcome {
  /** Which rule (the host's implementation key, e.g. `fraud:fraud:default:self-referral`). */
  rule: string;
  /** 0..100. */
  score: number;
  flags: FraudFlag[];
}

/**
 * The port through which `ReferralService` scores a submission. The server's adapter runs every registered
 * `FraudRule`; tests pass a fake. A rule that fails must be reported as score 0 without flags, never thrown:
 * fraud scoring must not stop a referral from being recorded.
 */
export interface FraudEvaluator {
  evaluate(context: FraudContext): Promise<readonly FraudRuleOutcome[]> | readonly FraudRuleOutcome[];
}

/** A flag as stored on the referral: which rule raised it, how strongly, and its (internal) evidence. */
export interface StoredFraudFlag {
  rule: string;
  code: string;
  message: string;
  evidence: { [key: string]: JsonValue };
  score: number;
}

/** The combined verdict on a referral. */
export interface FraudAssessment {
  score: number;
  decision: FraudDecision;
  flags: StoredFraudFlag[];
}

/** An evaluator that finds nothing (installations without fraud rules, and tests that do not score). */
export const NO_FRAUD_RULES: FraudEvaluator = { evaluate: () => [] };

/** `block` from the block threshold up, `review` from the review threshold up, else `allow`. */
export function fraudDecision(score: number, thresholds: FraudThresholds): FraudDecision {
  if (score >= thresholds.block) return 'block';
  if (score >= thresholds.review) return 'review';
  return 'allow';
}

function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(100, Math.max(0, score)));
}

/**
 * Combines rule outcomes: the referral's score is the highest rule score (one strong signal is enough; weak ones
 * do not add up to a block), the decision follows the track's thresholds, and every flag keeps its rule's score.
 */
export function assessFraud(
  outcomes: readonly FraudRuleOutcome[],
  thresholds: FraudThresholds,
): FraudAssessment {
  let score = 0;
  const flags: StoredFraudFlag[] = [];
  for (const outcome of outcomes) {
    const ruleScore = clampScore(outcome.score);
    score = Math.max(score, ruleScore);
    for (const flag of outcome.flags) {
      flags.push({
        rule: outcome.rule,
        code: flag.code,
        message: flag.message,
        evidence: flag.evidence,
        score: ruleScore,
      });
    }
  }
  return { score, decision: fraudDecision(score, thresholds), flags };
}
