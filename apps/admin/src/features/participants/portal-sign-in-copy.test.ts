import { describe, expect, it } from 'vitest';
import { portalSignInDescription } from './portal-sign-in-copy.js';

describe('how a participant signs in, as the console says it', () => {
  it('names the password only when they have set one', () => {
    expect(portalSignInDescription(true)).toMatch(/password they set/);
    expect(portalSignInDescription(false)).toMatch(/has not set a portal password/);
    for (const hasPassword of [true, false]) {
      expect(portalSignInDescription(hasPassword)).not.toMatch(/have no password/);
      expect(portalSignInDescription(hasPassword)).toMatch(/one-time link/);
    }
  });
});
