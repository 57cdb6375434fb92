import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FraudFlagList, fraudScoreSummary } from './fraud-flag-list.js';

const flags = [
  { rule: 'fraud:duplicate', code: 'company', message: 'Already referred 14 days ago', score: 60 },
  { rule: 'fraud:existing-target', code: 'open', message: 'Has an open referral', score: 50 },
];

describe('fraud flags', () => {
  it('give each rule’s own score, not an amount added (the referral’s score is the highest, 60, not 110)', () => {
    render(<FraudFlagList flags={flags} />);
    expect(screen.getByText(/Already referred/).textContent).toContain('score 60');
    expect(screen.getByText(/open referral/).textContent).toContain('score 50');
    expect(document.body.textContent).not.toMatch(/\+\d/);
  });

  it('say how the flags make the score', () => {
    expect(fraudScoreSummary(60, 2)).toBe('Score 60 of 100, the highest of its 2 flags');
    expect(fraudScoreSummary(40, 1)).toBe('Score 40 of 100');
    expect(fraudScoreSummary(0, 0)).toBe('Score 0 of 100');
  });
});
