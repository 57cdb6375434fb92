import type { FraudEvaluator, FraudRuleOutcome } from '@warmpath/core';
import { type FraudContext, FraudResultSchema, type PluginHost } from '@warmpath/plugin-sdk';
import type { Logger } from './logger.js';
import type { PluginHealth } from './plugins/plugin-health.js';

/**
 * The `FraudEvaluator` core's referrals use: runs every `FraudRule` registered with the plugin host. A rule that
 * throws or answers something that is not a `FraudResult` is logged and counted as score 0 without flags: a
 * broken plugin must never stop referrals from being recorded.
 *
 * `host` is read at evaluation time because services are built before the plugins are loaded. With `health`, every
 * rule call is measured and a junk answer counts as a failure of the rule's instance.
 */
export function createPluginFraudEvaluator(
  host: () => PluginHost,
  logger: Logger,
  health?: PluginHealth,
): FraudEvaluator {
  return {
    evaluate(context: FraudContext): FraudRuleOutcome[] {
      const rules = health ? health.list(host(), 'fraud') : host().list('fraud');
      return rules.map(({ key, impl }) => {
        let answer: unknown;
        try {
          answer = impl.evaluate(context);
        } catch (error) {
          logger.error(
            { err: error, rule: key, referralId: context.referral.id },
            'fraud rule failed; counted as score 0',
          );
          return { rule: key, score: 0, flags: [] };
        }
        try {
          const result = FraudResultSchema.parse(answer);
          return { rule: key, score: result.score, flags: result.flags };
        } catch (error) {
          health?.recordRejection(key, error instanceof Error ? error : new Error(String(error)));
          logger.error(
            { err: error, rule: key, referralId: context.referral.id },
            'fraud rule failed; counted as score 0',
          );
          return { rule: key, score: 0, flags: [] };
        }
      });
    },
  };
}
