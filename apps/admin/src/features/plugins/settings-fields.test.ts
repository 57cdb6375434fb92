import { describe, expect, it } from 'vitest';
import { initialSettingsText, settingsFields, settingsValues } from './settings-fields.js';

const schema = {
  type: 'object',
  properties: {
    instanceUrl: { type: 'string', description: 'Your org URL' },
    apiToken: { type: 'string' },
    pageSize: { type: 'integer' },
    sandbox: { type: 'boolean' },
    region: { type: 'string', enum: ['eu', 'us'] },
    mapping: { type: 'object' },
    velocity: {
      type: 'object',
      properties: { enabled: { type: 'boolean' }, maxPerHour: { type: 'integer' } },
      required: ['maxPerHour'],
    },
  },
  required: ['instanceUrl'],
};

describe('plugin settings forms', () => {
  const fields = settingsFields(schema, ['apiToken']);

  it('draw a field per setting, in order, with readable labels', () => {
    expect(fields.map((field) => [field.key, field.label, field.kind])).toEqual([
      ['instanceUrl', 'Instance url', 'text'],
      ['apiToken', 'Api token', 'text'],
      ['pageSize', 'Page size', 'number'],
      ['sandbox', 'Sandbox', 'boolean'],
      ['region', 'Region', 'choice'],
      ['mapping', 'Mapping', 'json'],
      ['velocity.enabled', 'Enabled', 'boolean'],
      ['velocity.maxPerHour', 'Max per hour', 'number'],
    ]);
    expect(fields.at(-1)).toMatchObject({ group: 'Velocity', isRequired: true });
    expect(fields[0]).toMatchObject({ isRequired: true, description: 'Your org URL' });
    expect(fields[1]?.isSecret).toBe(true);
  });

  it('never show a secret back, and keep it when left empty', () => {
    const text = initialSettingsText(fields, {
      instanceUrl: 'https://x',
      apiToken: { set: true },
      mapping: { a: 1 },
      velocity: { enabled: true, maxPerHour: 5 },
    });
    expect(text.apiToken).toBe('');
    expect(text.mapping).toBe('{\n  "a": 1\n}');
    expect(settingsValues(fields, { ...text, pageSize: '50', sandbox: 'true' })).toEqual({
      instanceUrl: 'https://x',
      pageSize: 50,
      sandbox: true,
      mapping: { a: 1 },
      velocity: { enabled: true, maxPerHour: 5 },
    });
  });

  it('send what does not parse as typed, for the server to name', () => {
    expect(
      settingsValues(fields, { pageSize: 'many', mapping: '{oops', 'velocity.maxPerHour': 'x' }),
    ).toMatchObject({
      velocity: { enabled: false, maxPerHour: 'x' },
      pageSize: 'many',
      mapping: '{oops',
    });
  });
});
