import { describe, expect, it } from 'vitest';
import {
  effectiveSettingsDraft,
  settingsChanges,
  settingsErrors,
  settingsFields,
  showsDefault,
} from './settings-fields.js';

const schema = {
  type: 'object',
  properties: {
    instanceUrl: { type: 'string', description: 'Your org URL' },
    apiToken: { type: 'string' },
    pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    sandbox: { type: 'boolean', default: true },
    region: { type: 'string', enum: ['eu', 'us'] },
    mapping: { type: 'object' },
    tags: { type: 'array', items: { type: 'string' }, default: ['b2b'] },
    velocity: {
      type: 'object',
      default: {},
      properties: {
        enabled: { type: 'boolean', default: true },
        maxPerHour: { type: 'integer' },
        windows: { type: 'array', items: { type: 'number', minimum: 1 } },
      },
      required: ['maxPerHour'],
    },
  },
  required: ['instanceUrl'],
};

describe('plugin settings forms', () => {
  const fields = settingsFields(schema, ['apiToken']);

  it('draw a field per setting, in order, with readable labels, lists as lists', () => {
    expect(fields.map((field) => [field.key, field.label, field.kind])).toEqual([
      ['instanceUrl', 'Instance url', 'text'],
      ['apiToken', 'Api token', 'text'],
      ['pageSize', 'Page size', 'number'],
      ['sandbox', 'Sandbox', 'boolean'],
      ['region', 'Region', 'choice'],
      ['mapping', 'Mapping', 'json'],
      ['tags', 'Tags', 'list'],
      ['velocity.enabled', 'Enabled', 'boolean'],
      ['velocity.maxPerHour', 'Max per hour', 'number'],
      ['velocity.windows', 'Windows', 'list'],
    ]);
    expect(fields.find((field) => field.key === 'velocity.maxPerHour')).toMatchObject({
      group: 'Velocity',
      isRequired: true,
    });
    expect(fields[0]).toMatchObject({ isRequired: true, description: 'Your org URL' });
    expect(fields[1]?.isSecret).toBe(true);
    expect(fields.at(-1)).toMatchObject({ itemKind: 'number', minimum: 1 });
  });

  it('start from the stored values, else the defaults; secrets always empty', () => {
    const stored = {
      instanceUrl: 'https://x',
      apiToken: { set: true },
      mapping: { a: 1 },
      velocity: { maxPerHour: 5 },
    };
    const draft = effectiveSettingsDraft(fields, stored);
    expect(draft).toEqual({
      instanceUrl: 'https://x',
      apiToken: '',
      pageSize: '50',
      sandbox: true,
      region: '',
      mapping: '{\n  "a": 1\n}',
      tags: ['b2b'],
      'velocity.enabled': true,
      'velocity.maxPerHour': '5',
      'velocity.windows': [],
    });
    const byKey = (key: string) => fields.find((field) => field.key === key) ?? fields[0]!;
    expect(showsDefault(byKey('sandbox'), stored, draft)).toBe(true);
    expect(showsDefault(byKey('sandbox'), stored, { ...draft, sandbox: false })).toBe(false);
    expect(showsDefault(byKey('velocity.maxPerHour'), stored, draft)).toBe(false);
  });

  it('save only what changed, as a patch; unchanged is an empty patch', () => {
    const initial = effectiveSettingsDraft(fields, { apiToken: { set: true } });
    expect(settingsChanges(fields, initial, initial)).toEqual({});
    expect(
      settingsChanges(fields, initial, {
        ...initial,
        sandbox: false,
        'velocity.windows': ['1', ' ', '2.5'],
        tags: ['b2b', ''],
      }),
    ).toEqual({ sandbox: false, velocity: { windows: [1, 2.5] } });
    // Emptied: forget the stored value, so the default applies again. A typed secret is sent; an empty one never.
    expect(
      settingsChanges(fields, { ...initial, pageSize: '20' }, { ...initial, apiToken: 'tok-12345678' }),
    ).toEqual({
      pageSize: 50,
      apiToken: 'tok-12345678',
    });
    expect(settingsChanges(fields, { ...initial, pageSize: '20' }, { ...initial, pageSize: ' ' })).toEqual({
      pageSize: null,
    });
  });

  it('name what is wrong before anything is sent', () => {
    const initial = effectiveSettingsDraft(fields, {});
    expect(
      settingsErrors(fields, {
        ...initial,
        pageSize: '900',
        mapping: '{oops',
        'velocity.maxPerHour': '1.5',
        'velocity.windows': ['2', 'soon', '0'],
      }),
    ).toEqual({
      instanceUrl: 'Required.',
      pageSize: 'Enter a number from 1 to 500.',
      mapping: 'Not valid JSON.',
      'velocity.maxPerHour': 'Enter a whole number.',
      'velocity.windows[1]': 'Enter a number.',
      'velocity.windows[2]': 'Enter 1 or more.',
    });
  });
});
