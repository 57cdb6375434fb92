import { describe, expect, it } from 'vitest';
import { sampleFraudContext, sampleLandingClick, samplePriorReferral } from '../testing/fixtures.js';
import { FraudContextSchema } from './fraud.schema.js';

/** A context as hosts built it before the optional fields existed. */
function firstReleaseContext() {
  const { priorReferrals, companyStatus, landingClick, ...context } = sampleFraudContext();
  return { ...context, submission: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0' } };
}

const issuePaths = (value: unknown) =>
  FraudContextSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the fraud context', () => {
  it('accepts the sample context with every field filled in', () => {
    expect(FraudContextSchema.parse(sampleFraudContext())).toEqual(sampleFraudContext());
  });

  it('still accepts a context built without the optional fields, and leaves them absent', () => {
    const parsed = FraudContextSchema.parse(firstReleaseContext());
    expect(parsed.priorReferrals).toBeUndefined();
    expect(parsed.companyStatus).toBeUndefined();
    expect(parsed.landingClick).toBeUndefined();
    expect(parsed.submission).toEqual({ ip: '203.0.113.7', userAgent: 'Mozilla/5.0' });
  });

  it('tells "no click led here" (null) apart from "not provided" (absent)', () => {
    expect(FraudContextSchema.parse(sampleFraudContext({ landingClick: null })).landingClick).toBeNull();
  });

  it('carries earlier referrals, customer status and the landing click through unchanged', () => {
    const context = sampleFraudContext({
      priorReferrals: [samplePriorReferral(), samplePriorReferral({ id: 'referral-00', status: 'rejected' })],
      companyStatus: { isCustomer: true, customerSince: '2024-05-01T00:00:00.000Z' },
      landingClick: sampleLandingClick({ queryParams: { gclid: 'abc', utm_source: 'ads' } }),
    });
    expect(FraudContextSchema.parse(context)).toEqual(context);
  });

  it('refuses malformed additions, naming the field', () => {
    const context = sampleFraudContext();
    expect(
      issuePaths({ ...context, submission: { ...context.submission, clicksFromIpHashLastHour: -1 } }),
    ).toEqual(['submission.clicksFromIpHashLastHour']);
    expect(issuePaths({ ...context, submission: { ...context.submission, ipHash: '' } })).toEqual([
      'submission.ipHash',
    ]);
    expect(
      issuePaths({ ...context, priorReferrals: [samplePriorReferral({ createdAt: 'yesterday' })] }),
    ).toEqual(['priorReferrals.0.createdAt']);
    expect(
      issuePaths({ ...context, priorReferrals: [{ ...samplePriorReferral(), status: 'pending' }] }),
    ).toEqual(['priorReferrals.0.status']);
    expect(
      issuePaths({ ...context, priorReferrals: [samplePriorReferral({ contactEmails: ['not-an-email'] })] }),
    ).toEqual(['priorReferrals.0.contactEmails.0']);
    expect(issuePaths({ ...context, companyStatus: { isCustomer: 'yes', customerSince: null } })).toEqual([
      'companyStatus.isCustomer',
    ]);
    expect(
      issuePaths({ ...context, landingClick: { ...sampleLandingClick(), queryParams: { a: 1 } } }),
    ).toEqual(['landingClick.queryParams.a']);
  });
});

describe('sampleFraudContext', () => {
  it('gives a submission without an IP neither a hash nor clicks', () => {
    expect(sampleFraudContext({ submission: { ip: null } }).submission).toEqual({
      ip: null,
      userAgent: 'Mozilla/5.0',
      ipHash: null,
      clicksFromIpHashLastHour: 0,
    });
  });

  it('merges patches over the sample landing click and customer status', () => {
    const context = sampleFraudContext({
      landingClick: { queryParams: { fbclid: 'x' } },
      companyStatus: { isCustomer: true },
    });
    expect(context.landingClick).toEqual({ ...sampleLandingClick(), queryParams: { fbclid: 'x' } });
    expect(context.companyStatus).toEqual({ isCustomer: true, customerSince: null });
  });
});
