import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../errors.js';
import { companyDomainOf } from './company-domain.js';

describe('company domain of a portal referral', () => {
  it('keeps a given domain', () => {
    const issues: ValidationIssue[] = [];
    expect(companyDomainOf({ domain: 'acme.example' }, [{ email: 'x@other.example' }], issues)).toBe(
      'acme.example',
    );
    expect(issues).toEqual([]);
  });

  it('takes the first work email domain, skipping consumer mail', () => {
    const issues: ValidationIssue[] = [];
    const contacts = [
      { email: 'lee@gmail.com' },
      { email: 'kim@Umbrella.example' },
      { email: 'x@third.example' },
    ];
    expect(companyDomainOf({}, contacts, issues)).toBe('umbrella.example');
    expect(issues).toEqual([]);
  });

  it('names company.domain when only consumer mail is given', () => {
    const issues: ValidationIssue[] = [];
    expect(
      companyDomainOf({}, [{ email: 'a@outlook.com' }, { email: 'b@icloud.com' }], issues),
    ).toBeUndefined();
    expect(issues.map((issue) => issue.path)).toEqual(['company.domain']);
  });
});
