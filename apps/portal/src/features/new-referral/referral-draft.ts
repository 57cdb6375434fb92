import type { IntakeField } from './intake-form.js';

/** One person of the buying committee as typed so far. `id` keys the row in React, never sent. */
export interface ContactDraft {
  id: string;
  name: string;
  email: string;
  role: string;
  title: string;
}

/** An answer as a form control holds it: text for most fields, the ticked options of a multiselect. */
export type AnswerDraft = string | readonly string[];

/** Everything the referral form holds; kept across failed submissions so nothing typed is lost. */
export interface ReferralDraft {
  companyName: string;
  companyDomain: string;
  contacts: ContactDraft[];
  answers: Record<string, AnswerDraft>;
}

/** The changes the form makes to its draft. */
export type DraftChange =
  | { type: 'company'; field: 'companyName' | 'companyDomain'; value: string }
  | { type: 'contact'; id: string; field: 'name' | 'email' | 'role' | 'title'; value: string }
  | { type: 'addContact'; id: string }
  | { type: 'removeContact'; id: string }
  | { type: 'answer'; key: string; value: AnswerDraft };

/** Most introductions name at most a handful of people; the server allows 20. */
export const MAXIMUM_CONTACTS = 20;

export function emptyContact(id: string): ContactDraft {
  return { id, name: '', email: '', role: '', title: '' };
}

/** A fresh draft with one empty contact row: a referral names at least one person. */
export function emptyDraft(firstContactId: string): ReferralDraft {
  return { companyName: '', companyDomain: '', contacts: [emptyContact(firstContactId)], answers: {} };
}

/** Applies one change; removing the last contact is refused, as is adding past {@link MAXIMUM_CONTACTS}. */
export function applyDraftChange(draft: ReferralDraft, change: DraftChange): ReferralDraft {
  switch (change.type) {
    case 'company':
      return { ...draft, [change.field]: change.value };
    case 'contact':
      return {
        ...draft,
        contacts: draft.contacts.map((contact) =>
          contact.id === change.id ? { ...contact, [change.field]: change.value } : contact,
        ),
      };
    case 'addContact':
      if (draft.contacts.length >= MAXIMUM_CONTACTS) return draft;
      return { ...draft, contacts: [...draft.contacts, emptyContact(change.id)] };
    case 'removeContact':
      if (draft.contacts.length <= 1) return draft;
      return { ...draft, contacts: draft.contacts.filter((contact) => contact.id !== change.id) };
    case 'answer':
      return { ...draft, answers: { ...draft.answers, [change.key]: change.value } };
  }
}

/** A JSON answer value, as the server stores answers. */
export type AnswerValue = string | number | string[];

/** What `portal.referrals.submit` takes; `Role` is the server's union of contact roles. */
export interface ReferralSubmission<Role extends string = string> {
  trackSlug: string;
  submissionId: string;
  company: { name: string; domain?: string };
  contacts: { name: string; email: string; role: Role; title?: string }[];
  answers: Record<string, AnswerValue>;
}

function isBlank(answer: AnswerDraft | undefined): boolean {
  if (answer === undefined) return true;
  return typeof answer === 'string' ? answer.trim() === '' : answer.length === 0;
}

function answerValue(field: IntakeField, answer: AnswerDraft): AnswerValue {
  if (typeof answer !== 'string') return [...answer];
  const text = answer.trim();
  if (field.type === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/**
 * The submission for a draft: trimmed text, numbers as numbers, unanswered questions left out. Call it on a draft
 * {@link validateDraft} passed: a role outside `roles` is a bug, not a user error, and throws.
 */
export function toSubmission<Role extends string>(
  draft: ReferralDraft,
  fields: readonly IntakeField[],
  roles: readonly Role[],
  trackSlug: string,
  submissionId: string,
): ReferralSubmission<Role> {
  const answers: Record<string, AnswerValue> = {};
  for (const field of fields) {
    const answer = draft.answers[field.key];
    if (answer !== undefined && !isBlank(answer)) answers[field.key] = answerValue(field, answer);
  }
  const domain = draft.companyDomain.trim();
  return {
    trackSlug,
    submissionId,
    company: { name: draft.companyName.trim(), ...(domain ? { domain } : {}) },
    contacts: draft.contacts.map((contact) => {
      const title = contact.title.trim();
      const role = roles.find((candidate) => candidate === contact.role);
      if (role === undefined) throw new Error(`Contact role ${contact.role} was not validated`);
      return {
        name: contact.name.trim(),
        email: contact.email.trim(),
        role,
        ...(title ? { title } : {}),
      };
    }),
    answers,
  };
}

// Deliberately loose: the server has the last word; this only catches typos before a round trip.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Problems the form can point out before sending, keyed by the same paths the server uses, so one map of errors
 * serves both. Empty when the draft may be sent.
 */
export function validateDraft(
  draft: ReferralDraft,
  fields: readonly IntakeField[],
  roles: readonly string[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.companyName.trim() === '') errors['company.name'] = 'Enter the name of the company.';
  draft.contacts.forEach((contact, index) => {
    if (contact.name.trim() === '') errors[`contacts.${index}.name`] = 'Enter this person’s name.';
    const email = contact.email.trim();
    if (email === '') errors[`contacts.${index}.email`] = 'Enter this person’s work email.';
    else if (!emailShape.test(email))
      errors[`contacts.${index}.email`] = 'Enter an email address like name@company.com.';
    if (!roles.includes(contact.role))
      errors[`contacts.${index}.role`] = 'Choose this person’s role in the decision.';
  });
  for (const field of fields) {
    const answer = draft.answers[field.key];
    if (field.required && isBlank(answer)) {
      errors[`answers.${field.key}`] =
        field.type === 'select' || field.type === 'multiselect'
          ? 'Choose an answer.'
          : 'Answer this question.';
    } else if (field.type === 'number' && typeof answer === 'string' && answer.trim() !== '') {
      if (!Number.isFinite(Number(answer.trim()))) errors[`answers.${field.key}`] = 'Enter a number.';
    }
  }
  return errors;
}
