import { describe, expect, it } from 'vitest';
import { userInitials } from './user-initials.js';

describe('avatar initials', () => {
  it('take the first and last name', () => {
    expect(userInitials('Ada King Lovelace', 'ada@example.com')).toBe('AL');
    expect(userInitials('grace', 'grace@example.com')).toBe('G');
  });

  it('fall back to the email when there is no name', () => {
    expect(userInitials('  ', 'ops@example.com')).toBe('O');
  });
});
