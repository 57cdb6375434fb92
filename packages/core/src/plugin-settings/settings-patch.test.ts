import { describe, expect, it } from 'vitest';
import { applySettingsPatch, settingsToStore } from './settings-patch.js';

describe('a settings patch', () => {
  const stored = {
    duplicate: { enabled: false, companyScore: 60 },
    allowedDomains: ['a.example'],
    retries: 2,
  };

  it('changes only what it names, merging into groups', () => {
    expect(applySettingsPatch(stored, { duplicate: { companyScore: 50 } })).toEqual({
      duplicate: { enabled: false, companyScore: 50 },
      allowedDomains: ['a.example'],
      retries: 2,
    });
  });

  it('replaces lists whole, and with null forgets a value so its default applies again', () => {
    expect(applySettingsPatch(stored, { allowedDomains: ['b.example'], retries: null })).toEqual({
      duplicate: { enabled: false, companyScore: 60 },
      allowedDomains: ['b.example'],
    });
  });

  it('is stored without the defaults the schema filled in or keys it does not know', () => {
    const candidate = { duplicate: { companyScore: ' 50' }, typo: 1 };
    const parsed = {
      duplicate: { enabled: true, companyScore: 50, contactScore: 70 },
      other: { enabled: true },
    };
    expect(settingsToStore(candidate, parsed)).toEqual({ duplicate: { companyScore: 50 } });
  });
});
