import type { FraudEvaluator, FraudRuleOutcome } from '@warmpath/core';
import { type FraudContext, FraudResultSchema, type PluginHost } from '@warmpath/plugin-sdk';
import type { Logger } from './logger.js';

/**
 * The `FraudEvaluator` core's referrals use: runs every `FraudRule` registered with the plugin host. A rule that
 * throws or answers something that is not a `FraudResult` is logged and counted as score 0 without flags: a
 * broken plugin must never stop referrals from being recorded.
 *
 * `host` is read at evaluation time because services are built before the plugins are loaded.
 */
export function createPluginFraudEvaluator(host: () => PluginHost, logger: Logger): FraudEvaluator {
  return {
    evaluate(context: FraudContext): FraudRuleOutcome[] {
      return host()
        .list('fraud')
        .map(({ key, impl }) => {
          try {
            const result = FraudResultSchema.parse(impl.evaluate(context));
            return { rule: key, score: result.score, flags: result.flags };
          } catch (error) {
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
