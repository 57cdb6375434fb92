import type { JsonValue } from '@warmpath/db';
import { describe, expect, it } from 'vitest';
import type { TrackForm } from '../tracks/track.schema.js';
import { validateAnswers } from './answers.js';

const form: TrackForm = {
  fields: [
    { key: 'account', label: 'Target account', type: 'text', required: true },
    { key: 'scope', label: 'Scope', type: 'textarea', required: false },
    { key: 'contactEmail', label: 'Contact email', type: 'email', required: false },
    { key: 'website', label: 'Website', type: 'url', required: false },
    { key: 'seats', label: 'Seats', type: 'number', required: false },
    { key: 'urgency', label: 'Urgency', type: 'select', required: true, options: ['Low', 'High'] },
    { key: 'products', label: 'Products', type: 'multiselect', required: false, options: ['CRM', 'ERP'] },
    { key: 'decisionBy', label: 'Decision by', type: 'date', required: false },
  ],
};

function issuesOf(answers: Record<string, JsonValue>) {
  return Object.fromEntries(
    validateAnswers(form, answers).issues.map((issue) => [issue.path, issue.message]),
  );
}

describe('answers checked against the track form', () => {
  it('accepts answers of every field type and stores them normalised', () => {
    const check = validateAnswers(form, {
      account: '  Acme ',
      scope: 'Replace the old CRM',
      contactEmail: 'Ann@Acme.COM',
      website: 'https://acme.com',
      seats: 250,
      urgency: 'High',
      products: ['CRM', 'ERP', 'CRM'],
      decisionBy: '2026-12-31',
    });
    expect(check.issues).toEqual([]);
    expect(check.answers).toEqual({
      account: 'Acme',
      scope: 'Replace the old CRM',
      contactEmail: 'ann@acme.com',
      website: 'https://acme.com',
      seats: 250,
      urgency: 'High',
      products: ['CRM', 'ERP'],
      decisionBy: '2026-12-31',
    });
  });

  it('names each missing required field, treating blanks as missing', () => {
    expect(issuesOf({})).toEqual({
      'answers.account': 'Target account is required',
      'answers.urgency': 'Urgency is required',
    });
    expect(Object.keys(issuesOf({ account: '   ', urgency: null }))).toEqual([
      'answers.account',
      'answers.urgency',
    ]);
  });

  it('drops blank optional answers instead of storing them', () => {
    const check = validateAnswers(form, {
      account: 'Acme',
      urgency: 'Low',
      scope: '',
      products: [],
      seats: null,
    });
    expect(check.issues).toEqual([]);
    expect(check.answers).toEqual({ account: 'Acme', urgency: 'Low' });
  });

  it.each<[string, JsonValue]>([
    ['account', 42],
    ['scope', ['a']],
    ['contactEmail', 'not-an-email'],
    ['website', 'javascript:alert(1)'],
    ['website', 'acme.com'],
    ['seats', '250'],
    ['seats', { n: 1 }],
    ['urgency', 'Medium'],
    ['urgency', ['High']],
    ['products', 'CRM'],
    ['products', ['CRM', 'HRIS']],
    ['products', [1]],
    ['decisionBy', '31/12/2026'],
    ['decisionBy', '2026-02-30'],
  ])('refuses %s = %j, naming answers.%s', (key, value) => {
    const issues = issuesOf({ account: 'Acme', urgency: 'Low', [key]: value });
    expect(Object.keys(issues)).toEqual([`answers.${key}`]);
  });

  it('refuses keys the form does not ask, each by name, with every other problem at once', () => {
    expect(issuesOf({ account: 'Acme', urgency: 'Nope', budget: 10, internalScore: 3 })).toEqual({
      'answers.budget': 'Unknown field',
      'answers.internalScore': 'Unknown field',
      'answers.urgency': expect.stringContaining('Not one of the options'),
    });
  });

  it('accepts no answers at all for a track without a form, and refuses any', () => {
    expect(validateAnswers({ fields: [] }, {})).toEqual({ answers: {}, issues: [] });
    expect(validateAnswers({ fields: [] }, { note: 'x' }).issues).toEqual([
      { path: 'answers.note', message: 'Unknown field' },
    ]);
  });
});
