import { describe, expect, it } from 'vitest';
import { type FraudContext, FraudResultSchema } from '../../extension-points/fraud.schema.js';
import type { FraudRule } from '../../extension-points/fraud-rule.js';
import { sampleContact, sampleFraudContext } from '../fixtures.js';
import {
  deepFrozenCopy,
  expectJsonSafe,
  expectMatches,
  runUnderDifferentClocks,
  type SubjectFactory,
} from './contract-support.js';

/** Options of {@link describeFraudRuleContract}. */
export interface FraudRuleContractOptions {
  /** More contexts to check the invariants on, in addition to the suite's varied samples. */
  contexts?: FraudContext[];
  /** Contexts the rule must flag: proves its flags are well-formed (give at least one). */
  flaggedContexts?: FraudContext[];
}

/** Varied submissions: clean, busy participant, self-referral-like, crowded target, many contacts. */
function builtInContexts(): FraudContext[] {
  return [
    sampleFraudContext(),
    sampleFraudContext({ history: { participantReferralsLast24h: 40, participantReferralsLast30d: 300 } }),
    sampleFraudContext({ participant: { email: 'dana@acme.example' } }),
    sampleFraudContext({
      participant: { email: 'someone@acme.example' },
      history: { participantRejectedLast90d: 9 },
    }),
    sampleFraudContext({
      history: { companyReferralsLast90d: 12 },
      submission: { ip: null, userAgent: null },
    }),
    sampleFraudContext({
      contacts: Array.from({ length: 20 }, (_, index) =>
        sampleContact({ id: `contact-${index}`, email: `person${index}@acme.example` }),
      ),
    }),
    sampleFraudContext({ contacts: [], track: { kind: 'employee' } }),
  ];
}

/**
 * The behaviours the host relies on from a {@link FraudRule}: scores within 0..100, every score explained by
 * flags with a code and a message, JSON evidence, and pure, deterministic evaluation.
 */
export function describeFraudRuleContract(
  name: string,
  factory: SubjectFactory<FraudRule>,
  options: FraudRuleContractOptions = {},
): void {
  const contexts = () => [
    ...builtInContexts(),
    ...(options.contexts ?? []),
    ...(options.flaggedContexts ?? []),
  ];

  describe(`${name} fulfils the FraudRule contract`, () => {
    it('declares apiVersion 1 and describes itself in a sentence', async () => {
      const rule = await factory();
      expect(rule.apiVersion).toBe(1);
      expect(rule.description.trim()).not.toBe('');
    });

    it('scores every context within 0..100 with well-formed flags and JSON evidence', async () => {
      const rule = await factory();
      for (const context of contexts()) {
        const result = expectMatches(FraudResultSchema, rule.evaluate(context), 'evaluate()');
        for (const flag of result.flags) expectJsonSafe(flag.evidence, `evidence of ${flag.code}`);
      }
    });

    it('explains every non-zero score with at least one flag', async () => {
      const rule = await factory();
      for (const context of contexts()) {
        const result = rule.evaluate(context);
        if (result.score > 0)
          expect(result.flags.length, `score ${result.score} without a flag`).toBeGreaterThan(0);
      }
    });

    it.runIf((options.flaggedContexts ?? []).length > 0)(
      'flags the contexts it is meant to catch, each flag with a message',
      async () => {
        const rule = await factory();
        for (const context of options.flaggedContexts ?? []) {
          const result = rule.evaluate(context);
          expect(result.flags.length).toBeGreaterThan(0);
          for (const flag of result.flags) expect(flag.message.trim()).not.toBe('');
        }
      },
    );

    it('is deterministic and ignores the clock and randomness', async () => {
      const rule = await factory();
      for (const context of contexts()) {
        const [first, second] = runUnderDifferentClocks(() => rule.evaluate(context));
        expect(second).toEqual(first);
        expect(rule.evaluate(context)).toEqual(first);
      }
    });

    it('does not mutate its input', async () => {
      const rule = await factory();
      for (const context of contexts()) {
        const frozen = deepFrozenCopy(context);
        expect(() => rule.evaluate(frozen)).not.toThrow();
        expect(frozen).toEqual(context);
      }
    });
  });
}
