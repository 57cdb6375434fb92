import { describe, expect, it } from 'vitest';
import { validateSignIn } from './sign-in-form.js';

describe('checking the sign-in form before sending it', () => {
  it('asks for both fields when they are empty', () => {
    expect(validateSignIn({ email: '  ', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });

  it('points out an address that cannot be an email', () => {
    expect(validateSignIn({ email: 'ada.example.com', password: 'secret' }).email).toMatch(
      /like name@company/,
    );
  });

  it('lets a plausible email with surrounding spaces and any password through', () => {
    expect(validateSignIn({ email: ' ada@example.com ', password: ' ' })).toEqual({});
  });
});
