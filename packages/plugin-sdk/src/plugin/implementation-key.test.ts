import { describe, expect, it } from 'vitest';
import { implementationKey, parseImplementationKey } from './implementation-key.js';

describe('implementation keys', () => {
  it('round-trip point:plugin:instance:name', () => {
    const parts = { point: 'crm', plugin: 'crm-salesforce', instance: 'emea', name: 'salesforce' } as const;
    expect(implementationKey(parts)).toBe('crm:crm-salesforce:emea:salesforce');
    expect(parseImplementationKey('crm:crm-salesforce:emea:salesforce')).toEqual(parts);
  });

  it('rejects strings that are not keys', () => {
    for (const key of ['crm:x:y', 'crm:x:y:z:w', 'payments:x:y:z', 'crm:X:y:z', 'crm::y:z']) {
      expect(parseImplementationKey(key)).toBeNull();
    }
  });
});
