import {
  createTestHost,
  describeAttributionModelContract,
  sampleConversion,
  sampleTouchpoint,
} from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/** Boots the plugin in the test host with these settings and gets its model. */
const boot = (settings: object = {}) =>
  createTestHost({ plugins: [plugin], settings: { [plugin.id]: settings } }).get(
    'attribution',
    'single-touch',
  );

// An attribution model is pure: its stand-in is the touchpoints themselves, built with sampleTouchpoint().
describeAttributionModelContract('the first-touch model', () => boot());
describeAttributionModelContract('the last-touch model', () => boot({ touch: 'last' }));

describe('the attribution plugin', () => {
  const touchpoints = [
    sampleTouchpoint('tp-late', '2026-02-01T00:00:00.000Z'),
    sampleTouchpoint('tp-early', '2026-01-01T00:00:00.000Z'),
  ];

  it('credits the first touchpoint by default, whatever the order it is given in', () => {
    expect(boot().attribute(touchpoints, sampleConversion())).toEqual([
      { touchpointId: 'tp-early', credit: 1 },
    ]);
  });

  it('credits the last touchpoint when set to', () => {
    const credits = boot({ touch: 'last' }).attribute(touchpoints, sampleConversion());
    expect(credits).toEqual([{ touchpointId: 'tp-late', credit: 1 }]);
  });
});
