import { z } from 'zod';

/** Who a session signs in: a staff user (admin console) or a participant (portal). */
export const sessionSubjectSchema = z.strictObject({
  type: z.enum(['user', 'participant']),
  id: z.uuid(),
});
export type SessionSubject = z.infer<typeof sessionSubjectSchema>;

/** A signed-in session. The token's secret is not part of it: only its hash is stored. */
export interface Session {
  id: string;
  subject: SessionSubject;
  createdAt: Date;
  lastActiveAt: Date;
  /** When the session ends unless it is used again: the earlier of the idle and the absolute limit. */
  expiresAt: Date;
}

/** What `validateSessionToken` returns for a valid token. */
export interface ValidatedSession {
  session: Session;
  subject: SessionSubject;
  /** True when this call extended the session: the HTTP layer re-sends the cookie with the new expiry. */
  isRenewed: boolean;
}

/**
 * Audit actions for the sign-in flow. Sessions do not audit themselves: the HTTP layer knows the ip and what
 * the user did, and records these with `recordAudit`.
 */
export const SESSION_AUDIT_ACTIONS = {
  signedIn: 'auth.signed_in',
  signInFailed: 'auth.sign_in_failed',
  signedOut: 'auth.signed_out',
  signedOutEverywhere: 'auth.signed_out_everywhere',
} as const;
