import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSecret, secret } from './secret.js';
import { secretSettingPaths, settingsJsonSchema } from './settings-json-schema.js';

const settings = z.object({
  instanceUrl: z.url().describe('Your Salesforce URL'),
  apiKey: secret(z.string().min(1)),
  oauth: z.object({ clientId: z.string(), clientSecret: secret(z.string()).optional() }),
  signingKey: secret(z.string()).nullable().default(null),
  batchSize: z.number().int().default(200),
});

describe('settings JSON Schema for the admin console', () => {
  it('flags every secret field, however nested, optional or nullable, and nothing else', () => {
    expect(secretSettingPaths(settings).sort()).toEqual(['apiKey', 'oauth.clientSecret', 'signingKey']);
  });

  it('marks secrets secret and write-only in the JSON Schema, keeping descriptions and defaults', () => {
    const schema = settingsJsonSchema(settings);
    expect(schema.properties?.apiKey).toMatchObject({ type: 'string', secret: true, writeOnly: true });
    expect(schema.properties?.instanceUrl).toMatchObject({ description: 'Your Salesforce URL' });
    expect(schema.properties?.instanceUrl).not.toHaveProperty('writeOnly');
    expect(schema.properties?.batchSize).toMatchObject({ default: 200 });
  });

  it('describes the input: fields with defaults are not required', () => {
    expect(settingsJsonSchema(settings).required?.sort()).toEqual(['apiKey', 'instanceUrl', 'oauth']);
  });

  it('keeps the metadata a field already had when marking it secret', () => {
    const field = secret(z.string().meta({ title: 'API key' }));
    expect(isSecret(field)).toBe(true);
    expect(field.meta()).toEqual({ title: 'API key', secret: true });
    expect(isSecret(z.string())).toBe(false);
  });
});
