import { type AttributionModel, type Conversion, definePlugin, type Touchpoint } from '@warmpath/plugin-sdk';
import { createTestHost } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { hostImplementations, type PluginCallFailure } from '../plugin-points/implementation-resolver.js';
import { AttributionEngine } from './attribution-engine.js';
import { AttributionModelError, AttributionModelNotFoundError } from './attribution-errors.js';

const linear: AttributionModel = {
  apiVersion: 1,
  description: 'Shares the credit equally.',
  attribute: (touchpoints) =>
    touchpoints.map((touchpoint) => ({ touchpointId: touchpoint.id, credit: 1 / touchpoints.length })),
};

/** Models with one bug each, next to a sound one, loaded through the real plugin host. */
const modelsPlugin = definePlugin({
  id: 'models',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({}),
  register(ctx) {
    ctx.attribution.add('linear', () => linear);
    ctx.attribution.add('throwing', () => ({
      ...linear,
      attribute: () => {
        throw new Error('model exploded');
      },
    }));
    ctx.attribution.add('short', () => ({
      ...linear,
      attribute: (touchpoints) =>
        linear.attribute(touchpoints, conversion).map((c) => ({ ...c, credit: 0.3 })),
    }));
    ctx.attribution.add('stranger', () => ({
      ...linear,
      attribute: () => [{ touchpointId: 'tp-unknown', credit: 1 }],
    }));
    ctx.attribution.add('not-a-number', () => ({
      ...linear,
      attribute: (touchpoints) => touchpoints.map((t) => ({ touchpointId: t.id, credit: Number.NaN })),
    }));
    ctx.attribution.add('junk', () => ({
      ...linear,
      // What a careless plugin could answer at runtime whatever its types say.
      attribute: () => 'all of it' as never,
    }));
    ctx.attribution.add('mutating', () => ({
      ...linear,
      attribute: (touchpoints) => {
        (touchpoints as Touchpoint[]).reverse();
        return linear.attribute(touchpoints, conversion);
      },
    }));
  },
});

function touchpoint(id: string, occurredAt: string, participantId: string | null = `p-${id}`): Touchpoint {
  return {
    id,
    kind: 'click',
    occurredAt,
    participantId,
    referralId: null,
    companyId: 'c-1',
    channel: 'portal',
    properties: {},
  };
}

const conversion: Conversion = {
  id: 'conv-1',
  kind: 'closed_won',
  occurredAt: '2026-03-01T00:00:00.000Z',
  companyId: 'c-1',
  opportunityId: 'opp-1',
  amount: 100_000,
  currency: 'EUR',
};

const touchpoints = [
  touchpoint('tp-3', '2026-02-10T00:00:00.000Z'),
  touchpoint('tp-1', '2026-01-10T00:00:00.000Z'),
  touchpoint('tp-2', '2026-02-01T00:00:00.000Z', null),
];

function engine() {
  const { host } = createTestHost({ plugins: [modelsPlugin] });
  const failures: PluginCallFailure[] = [];
  const attribution = new AttributionEngine({
    models: hostImplementations(() => host, 'attribution'),
    onFailure: (failure) => failures.push(failure),
  });
  return { attribution, failures };
}

describe('the attribution engine', () => {
  it('lists every loaded model with its key and description', () => {
    const { attribution } = engine();
    expect(attribution.models()[0]).toEqual({
      key: 'attribution:models:default:linear',
      name: 'linear',
      plugin: 'models',
      instance: 'default',
      description: 'Shares the credit equally.',
    });
    expect(attribution.models()).toHaveLength(7);
  });

  it('shares credit among the touchpoints in the order they happened, each with its referrer', () => {
    const { attribution, failures } = engine();
    const result = attribution.run('linear', touchpoints, conversion);
    expect(result.modelKey).toBe('attribution:models:default:linear');
    expect(result.credits.map((c) => [c.touchpointId, c.participantId])).toEqual([
      ['tp-1', 'p-tp-1'],
      ['tp-2', null],
      ['tp-3', 'p-tp-3'],
    ]);
    expect(result.credits.reduce((sum, c) => sum + c.credit, 0)).toBeCloseTo(1, 12);
    expect(failures).toEqual([]);
  });

  it('gives no credit to touchpoints after the conversion, and none at all without touchpoints', () => {
    const { attribution } = engine();
    const late = touchpoint('tp-late', '2026-04-01T00:00:00.000Z');
    const result = attribution.run('attribution:models:default:linear', [...touchpoints, late], conversion);
    expect(result.credits.map((c) => c.touchpointId)).not.toContain('tp-late');
    expect(attribution.run('linear', [late], conversion).credits).toEqual([]);
  });

  it('keeps the caller’s touchpoints as they were when a model rearranges its input', () => {
    const { attribution } = engine();
    const mine = [...touchpoints];
    attribution.run('mutating', mine, conversion);
    expect(mine.map((t) => t.id)).toEqual(['tp-3', 'tp-1', 'tp-2']);
  });

  it.each([
    ['throwing', /threw: model exploded/],
    ['short', /shares sum to 0\.9.*not 1/],
    ['stranger', /credits "tp-unknown", which is not a given touchpoint/],
    ['not-a-number', /not a list of credits/],
    ['junk', /not a list of credits/],
  ])('records the %s model as failed with a clear error and returns no credit', (name, message) => {
    const { attribution, failures } = engine();
    let thrown: unknown;
    try {
      attribution.run(name, touchpoints, conversion);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AttributionModelError);
    expect((thrown as Error).message).toMatch(message);
    // A throw is counted by the host's instrumentation; junk that came back normally is reported here.
    expect(failures).toEqual(
      name === 'throwing' ? [] : [{ key: `attribution:models:default:${name}`, error: thrown }],
    );
  });

  it('refuses an unknown model and input that is not touchpoints', () => {
    const { attribution } = engine();
    expect(() => attribution.run('last-touch', touchpoints, conversion)).toThrow(
      AttributionModelNotFoundError,
    );
    expect(() =>
      attribution.run('linear', [{ ...touchpoints[0], occurredAt: 'yesterday' } as Touchpoint], conversion),
    ).toThrow(ValidationError);
  });
});
