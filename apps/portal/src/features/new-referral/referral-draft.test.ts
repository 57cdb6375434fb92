import { describe, expect, it } from 'vitest';
import type { IntakeField } from './intake-form.js';
import {
  applyDraftChange,
  emptyDraft,
  MAXIMUM_CONTACTS,
  toSubmission,
  validateDraft,
} from './referral-draft.js';

const roles = ['champion', 'decision_maker'] as const;

const fields: IntakeField[] = [
  { key: 'seats', label: 'Seats', type: 'number', required: false },
  { key: 'urgency', label: 'Urgency', type: 'select', required: true, options: ['Low', 'High'] },
  { key: 'products', label: 'Products', type: 'multiselect', required: false, options: ['A', 'B'] },
  { key: 'scope', label: 'Scope', type: 'textarea', required: false },
];

function filledDraft() {
  let draft = emptyDraft('c1');
  draft = applyDraftChange(draft, { type: 'company', field: 'companyName', value: ' Acme ' });
  draft = applyDraftChange(draft, { type: 'contact', id: 'c1', field: 'name', value: 'Ada Lovelace' });
  draft = applyDraftChange(draft, { type: 'contact', id: 'c1', field: 'email', value: 'ada@acme.com ' });
  draft = applyDraftChange(draft, { type: 'contact', id: 'c1', field: 'role', value: 'champion' });
  return applyDraftChange(draft, { type: 'answer', key: 'urgency', value: 'High' });
}

describe('the referral form draft', () => {
  it('adds and removes committee members but always keeps one', () => {
    let draft = emptyDraft('c1');
    draft = applyDraftChange(draft, { type: 'addContact', id: 'c2' });
    expect(draft.contacts.map((contact) => contact.id)).toEqual(['c1', 'c2']);
    draft = applyDraftChange(draft, { type: 'removeContact', id: 'c1' });
    expect(draft.contacts.map((contact) => contact.id)).toEqual(['c2']);
    expect(applyDraftChange(draft, { type: 'removeContact', id: 'c2' }).contacts).toHaveLength(1);
  });

  it('stops adding contacts at the most the server accepts', () => {
    let draft = emptyDraft('c0');
    for (let index = 1; index < MAXIMUM_CONTACTS + 5; index += 1) {
      draft = applyDraftChange(draft, { type: 'addContact', id: `c${index}` });
    }
    expect(draft.contacts).toHaveLength(MAXIMUM_CONTACTS);
  });

  it('changes only the contact it names', () => {
    let draft = applyDraftChange(emptyDraft('c1'), { type: 'addContact', id: 'c2' });
    draft = applyDraftChange(draft, { type: 'contact', id: 'c2', field: 'title', value: 'CTO' });
    expect(draft.contacts[0]?.title).toBe('');
    expect(draft.contacts[1]?.title).toBe('CTO');
  });

  it('points at every missing or malformed entry with the server’s field paths', () => {
    let draft = applyDraftChange(emptyDraft('c1'), { type: 'addContact', id: 'c2' });
    draft = applyDraftChange(draft, { type: 'contact', id: 'c2', field: 'email', value: 'not-an-email' });
    draft = applyDraftChange(draft, { type: 'answer', key: 'seats', value: 'many' });
    const errors = validateDraft(draft, fields, roles);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'answers.seats',
        'answers.urgency',
        'company.name',
        'contacts.0.email',
        'contacts.0.name',
        'contacts.0.role',
        'contacts.1.email',
        'contacts.1.name',
        'contacts.1.role',
      ].sort(),
    );
    expect(errors['contacts.1.email']).toMatch(/like name@company.com/);
  });

  it('asks again for a role the track does not offer', () => {
    const draft = applyDraftChange(filledDraft(), { type: 'contact', id: 'c1', field: 'role', value: 'cfo' });
    expect(validateDraft(draft, fields, roles)).toEqual({
      'contacts.0.role': 'Choose this person’s role in the decision.',
    });
  });

  it('has nothing to say about a complete draft', () => {
    expect(validateDraft(filledDraft(), fields, roles)).toEqual({});
  });

  it('sends trimmed text, numbers as numbers, ticked options, and leaves unanswered questions out', () => {
    let draft = filledDraft();
    draft = applyDraftChange(draft, { type: 'answer', key: 'seats', value: ' 40 ' });
    draft = applyDraftChange(draft, { type: 'answer', key: 'products', value: ['B'] });
    draft = applyDraftChange(draft, { type: 'answer', key: 'scope', value: '   ' });
    draft = applyDraftChange(draft, { type: 'answer', key: 'notAField', value: 'ignored' });
    expect(toSubmission(draft, fields, roles, 'clients', 'id-1')).toEqual({
      trackSlug: 'clients',
      submissionId: 'id-1',
      company: { name: 'Acme' },
      contacts: [{ name: 'Ada Lovelace', email: 'ada@acme.com', role: 'champion' }],
      answers: { seats: 40, urgency: 'High', products: ['B'] },
    });
  });

  it('sends the company domain and a contact title only when given', () => {
    let draft = filledDraft();
    draft = applyDraftChange(draft, { type: 'company', field: 'companyDomain', value: 'acme.com' });
    draft = applyDraftChange(draft, { type: 'contact', id: 'c1', field: 'title', value: ' VP Sales ' });
    const submission = toSubmission(draft, fields, roles, 'clients', 'id-2');
    expect(submission.company).toEqual({ name: 'Acme', domain: 'acme.com' });
    expect(submission.contacts[0]?.title).toBe('VP Sales');
  });
});
