import type { JsonValue } from '@warmpath/db';
import { z } from 'zod';
import type { ValidationIssue } from '../errors.js';
import { type FormField, httpUrlSchema, type TrackForm } from '../tracks/track.schema.js';

/** What {@link validateAnswers} found: the answers as stored (trimmed, blanks dropped) and every problem. */
export interface AnswersCheck {
  answers: Record<string, JsonValue>;
  issues: ValidationIssue[];
}

const MAX_TEXT_LENGTH = 10_000;
const emailAnswerSchema = z.email();
const dateAnswerSchema = z.iso.date();

/** The answer a field holds once normalised, or the reason it is not acceptable. */
type FieldCheck = { value: JsonValue } | { problem: string };

function checkText(value: JsonValue, maxLength: number): FieldCheck {
  if (typeof value !== 'string') return { problem: 'Expected text' };
  const text = value.trim();
  if (text.length > maxLength) return { problem: `At most ${maxLength} characters` };
  return { value: text };
}

function checkField(field: FormField, value: JsonValue): FieldCheck {
  switch (field.type) {
    case 'text':
      return checkText(value, 1000);
    case 'textarea':
      return checkText(value, MAX_TEXT_LENGTH);
    case 'email': {
      const text = checkText(value, 320);
      if ('problem' in text) return text;
      return emailAnswerSchema.safeParse(text.value).success
        ? { value: String(text.value).toLowerCase() }
        : { problem: 'Expected an email address' };
    }
    case 'url': {
      const text = checkText(value, 2048);
      if ('problem' in text) return text;
      return httpUrlSchema.safeParse(text.value).success
        ? text
        : { problem: 'Expected an http or https URL' };
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { value }
        : { problem: 'Expected a number' };
    case 'date': {
      const text = checkText(value, 10);
      if ('problem' in text) return { problem: 'Expected a date (YYYY-MM-DD)' };
      return dateAnswerSchema.safeParse(text.value).success
        ? text
        : { problem: 'Expected a date (YYYY-MM-DD)' };
    }
    case 'select':
      if (typeof value !== 'string') return { problem: 'Expected one of the options' };
      return field.options?.includes(value)
        ? { value }
        : { problem: `Not one of the options: ${(field.options ?? []).join(', ')}` };
    case 'multiselect': {
      if (!Array.isArray(value)) return { problem: 'Expected a list of options' };
      const unknown = value.filter((item) => typeof item !== 'string' || !field.options?.includes(item));
      if (unknown.length > 0) {
        return {
          problem: `Not among the options: ${unknown.map((item) => JSON.stringify(item)).join(', ')}`,
        };
      }
      return { value: [...new Set(value)] };
    }
  }
}

function isBlank(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Checks a referral's answers against its track's intake form: required fields present, each value of its
 * field's type and among its options, no keys the form does not ask. Each problem names `answers.<key>`, so a
 * form can mark every field at once. Blank answers to optional fields are dropped rather than stored.
 */
export function validateAnswers(form: TrackForm, input: Readonly<Record<string, JsonValue>>): AnswersCheck {
  const answers: Record<string, JsonValue> = {};
  const issues: ValidationIssue[] = [];
  const fields = new Map(form.fields.map((field) => [field.key, field]));
  for (const key of Object.keys(input)) {
    if (!fields.has(key)) issues.push({ path: `answers.${key}`, message: 'Unknown field' });
  }
  for (const field of form.fields) {
    const value = input[field.key];
    if (isBlank(value)) {
      if (field.required)
        issues.push({ path: `answers.${field.key}`, message: `${field.label} is required` });
      continue;
    }
    const check = checkField(field, value ?? null);
    if ('problem' in check) issues.push({ path: `answers.${field.key}`, message: check.problem });
    else if (!isBlank(check.value)) answers[field.key] = check.value;
    else if (field.required)
      issues.push({ path: `answers.${field.key}`, message: `${field.label} is required` });
  }
  return { answers, issues };
}
