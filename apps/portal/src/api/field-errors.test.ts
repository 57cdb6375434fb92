import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { fieldError, formErrorsOf, readServerFormErrors } from './field-errors.js';

function refused(code: string, httpStatus: number, message: string, extra: Record<string, unknown> = {}) {
  return TRPCClientError.from({ error: { message, code: -32600, data: { code, httpStatus, ...extra } } });
}

describe('server errors on a portal form', () => {
  it('mark each field the server named in its issues', () => {
    const errors = readServerFormErrors(
      refused('BAD_REQUEST', 400, 'Invalid input', {
        issues: [
          { path: 'company.name', message: 'Enter the company name' },
          { path: 'contacts.1.email', message: 'Enter a valid email' },
        ],
      }),
    );
    expect(fieldError(errors, 'company.name')).toBe('Enter the company name');
    expect(fieldError(errors, 'contacts.1.email')).toBe('Enter a valid email');
    expect(errors.formMessage).toMatch(/fields marked/);
  });

  it('read field paths back from a validation message when no issues are attached', () => {
    const errors = readServerFormErrors(
      refused(
        'BAD_REQUEST',
        400,
        'Invalid input: answers.budget: This question is required; contacts.0.email: Invalid email: check it',
      ),
    );
    expect(errors.fieldErrors).toEqual({
      'answers.budget': 'This question is required',
      'contacts.0.email': 'Invalid email: check it',
    });
  });

  it('read field paths from an input that failed the procedure’s schema', () => {
    const message = JSON.stringify(
      [
        { code: 'invalid_format', path: ['contacts', 1, 'email'], message: 'Invalid email address' },
        { code: 'too_small', path: [], message: 'Too small' },
      ],
      null,
      2,
    );
    const errors = readServerFormErrors(refused('BAD_REQUEST', 400, message));
    expect(errors.fieldErrors).toEqual({ 'contacts.1.email': 'Invalid email address' });
    expect(errors.formMessage).not.toContain('invalid_format');
  });

  it('never shows raw schema JSON as the form message', () => {
    const message = JSON.stringify([{ code: 'custom', path: [], message: 'Enter a password' }]);
    expect(readServerFormErrors(refused('BAD_REQUEST', 400, message)).formMessage).toBe('Enter a password');
  });

  it('keep a validation message without field paths as the form message', () => {
    const errors = readServerFormErrors(refused('BAD_REQUEST', 400, 'You are not enrolled in this track'));
    expect(errors.fieldErrors).toEqual({});
    expect(errors.formMessage).toBe('You are not enrolled in this track');
  });

  it('keep the server wording for refusals the user can act on, but not for failures', () => {
    expect(readServerFormErrors(refused('FORBIDDEN', 403, 'This track is invitation-only')).formMessage).toBe(
      'This track is invitation-only',
    );
    const failure = readServerFormErrors(
      refused('INTERNAL_SERVER_ERROR', 500, 'relation "x" does not exist'),
    );
    expect(failure.formMessage).not.toContain('relation');
  });

  it('explain an unreachable server', () => {
    const errors = readServerFormErrors(TRPCClientError.from(new TypeError('Failed to fetch')));
    expect(errors.formMessage).toMatch(/could not reach/);
  });

  it('show nothing until the mutation fails, then what the failure says', () => {
    expect(formErrorsOf({ isError: false, error: null })).toBeNull();
    const conflict = refused('CONFLICT', 409, 'You are already in this track');
    expect(formErrorsOf({ isError: true, error: conflict })).toEqual(readServerFormErrors(conflict));
  });
});
