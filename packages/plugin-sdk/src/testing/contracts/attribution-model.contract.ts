import { describe, expect, it } from 'vitest';
import {
  type AttributionCredit,
  AttributionCreditSchema,
  type Conversion,
  type Touchpoint,
} from '../../extension-points/attribution.schema.js';
import type { AttributionModel } from '../../extension-points/attribution-model.js';
import { sampleConversion, sampleTouchpoint } from '../fixtures.js';
import {
  deepFrozenCopy,
  expectMatches,
  runUnderDifferentClocks,
  type SubjectFactory,
} from './contract-support.js';

/** Touchpoints leading to a conversion. */
export interface AttributionCase {
  touchpoints: Touchpoint[];
  conversion: Conversion;
}

/** Options of {@link describeAttributionModelContract}. */
export interface AttributionModelContractOptions {
  /** More cases to check the invariants on, in addition to the suite's samples. */
  cases?: AttributionCase[];
}

const TOLERANCE = 1e-9;

function builtInCases(): AttributionCase[] {
  const conversion = sampleConversion();
  return [
    { touchpoints: [sampleTouchpoint('tp-only', '2026-02-01T00:00:00.000Z')], conversion },
    {
      touchpoints: [
        sampleTouchpoint('tp-a', '2026-01-05T00:00:00.000Z', { kind: 'referral' }),
        sampleTouchpoint('tp-b', '2026-01-20T00:00:00.000Z'),
        sampleTouchpoint('tp-c', '2026-02-27T12:00:00.000Z', { kind: 'meeting' }),
      ],
      conversion,
    },
    {
      // Ties on time and several referrers: the model must not depend on input order.
      touchpoints: [
        sampleTouchpoint('tp-1', '2026-01-10T00:00:00.000Z', { participantId: 'participant-a' }),
        sampleTouchpoint('tp-2', '2026-01-10T00:00:00.000Z', { participantId: 'participant-b' }),
        sampleTouchpoint('tp-3', '2026-02-10T00:00:00.000Z', {
          participantId: 'participant-a',
          kind: 'visit',
        }),
        sampleTouchpoint('tp-4', '2026-02-10T00:00:00.000Z', {
          participantId: 'participant-c',
          kind: 'event',
        }),
        sampleTouchpoint('tp-5', '2026-02-28T23:59:59.000Z', { participantId: null, channel: 'linkedin' }),
      ],
      conversion,
    },
  ];
}

/** Credit per touchpoint id (absent → 0), for order-independent comparison. */
function creditById(credits: readonly AttributionCredit[]): Map<string, number> {
  return new Map(credits.map((credit) => [credit.touchpointId, credit.credit]));
}

function expectSameCredits(
  actual: readonly AttributionCredit[],
  expected: readonly AttributionCredit[],
): void {
  const a = creditById(actual);
  const b = creditById(expected);
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    expect(a.get(id) ?? 0, `credit of ${id}`).toBeCloseTo(b.get(id) ?? 0, 9);
  }
}

/**
 * The behaviours the host relies on from an {@link AttributionModel}: credits are non-negative, name only given
 * touchpoints once, sum to 1, and are pure and deterministic whatever the input order.
 */
export function describeAttributionModelContract(
  name: string,
  factory: SubjectFactory<AttributionModel>,
  options: AttributionModelContractOptions = {},
): void {
  const cases = () => [...builtInCases(), ...(options.cases ?? [])];

  describe(`${name} fulfils the AttributionModel contract`, () => {
    it('declares apiVersion 1 and describes itself in a sentence', async () => {
      const model = await factory();
      expect(model.apiVersion).toBe(1);
      expect(model.description.trim()).not.toBe('');
    });

    it('gives no credit when there are no touchpoints', async () => {
      const model = await factory();
      expect(model.attribute([], sampleConversion())).toEqual([]);
    });

    it('gives a lone touchpoint all the credit', async () => {
      const model = await factory();
      const credits = model.attribute(
        [sampleTouchpoint('tp-only', '2026-02-01T00:00:00.000Z')],
        sampleConversion(),
      );
      expect(creditById(credits).get('tp-only')).toBeCloseTo(1, 9);
    });

    it('shares credit summing to 1, non-negative, among given touchpoints, each at most once', async () => {
      const model = await factory();
      for (const { touchpoints, conversion } of cases()) {
        const credits = model.attribute(touchpoints, conversion);
        for (const credit of credits) expectMatches(AttributionCreditSchema, credit, 'a credit');
        const ids = credits.map((credit) => credit.touchpointId);
        expect(new Set(ids).size, 'a touchpoint credited twice').toBe(ids.length);
        const known = new Set(touchpoints.map((touchpoint) => touchpoint.id));
        expect(
          ids.filter((id) => !known.has(id)),
          'credits for unknown touchpoints',
        ).toEqual([]);
        const total = credits.reduce((sum, credit) => sum + credit.credit, 0);
        expect(Math.abs(total - 1), `credits sum to ${total}`).toBeLessThan(TOLERANCE);
      }
    });

    it('gives the same credits whatever the order of the touchpoints', async () => {
      const model = await factory();
      for (const { touchpoints, conversion } of cases()) {
        const expected = model.attribute(touchpoints, conversion);
        expectSameCredits(model.attribute([...touchpoints].reverse(), conversion), expected);
        const rotated = [...touchpoints.slice(1), ...touchpoints.slice(0, 1)];
        expectSameCredits(model.attribute(rotated, conversion), expected);
      }
    });

    it('is deterministic, ignores the clock and randomness, and does not mutate its input', async () => {
      const model = await factory();
      for (const { touchpoints, conversion } of cases()) {
        const frozenTouchpoints = deepFrozenCopy(touchpoints);
        const frozenConversion = deepFrozenCopy(conversion);
        const [first, second] = runUnderDifferentClocks(() =>
          model.attribute(frozenTouchpoints, frozenConversion),
        );
        expect(second).toEqual(first);
        expect(frozenTouchpoints).toEqual(touchpoints);
      }
    });
  });
}
