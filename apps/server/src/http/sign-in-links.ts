import type { SignInLinkHolder } from '@warmpath/core';
import { z } from 'zod';
import type { Services } from '../app/runtime.js';

/**
 * The portal's emailed or handed-over sign-in links, by kind: the page each opens (a portal app route that asks
 * "Continue as …?") and the POST route that then uses the token.
 * - `login`: the one-time login links of `POST /api/v1/participants/{id}/login-links` and the console;
 * - `magic`: the magic link emailed on request from the sign-in page;
 * - `enrol`: the email verification of a self-enrolment, which enrols and signs in.
 */
export const SIGN_IN_LINK_KINDS = ['login', 'magic', 'enrol'] as const;
export type SignInLinkKind = (typeof SIGN_IN_LINK_KINDS)[number];
export const signInLinkKindSchema = z.enum(SIGN_IN_LINK_KINDS);

/** The path of each kind of link: the portal page opens there (GET), and its form posts back to it (POST). */
export const SIGN_IN_LINK_PATHS: Readonly<Record<SignInLinkKind, string>> = {
  login: '/portal/login',
  magic: '/portal/login/magic',
  enrol: '/portal/enrol/verify',
};

/** Whom a link's token would sign in, without using it (null when it would not work). */
export function peekSignInLink(
  services: Services,
  kind: SignInLinkKind,
  token: string,
): Promise<SignInLinkHolder | null> {
  if (kind === 'login') return services.participantLogins.peekLoginToken(token);
  if (kind === 'magic') return services.magicLinks.peekMagicLinkToken(token);
  return services.selfEnrolment.peek(token);
}

/** Uses a link's token (once, audited): the participant it signs in, or null. */
export function redeemSignInLink(
  services: Services,
  kind: SignInLinkKind,
  token: string,
  context: { ip: string },
): Promise<string | null> {
  if (kind === 'login') return services.participantLogins.consumeLoginToken(token, context);
  if (kind === 'magic') return services.magicLinks.consumeMagicLinkToken(token, context);
  return services.selfEnrolment.verify(token, context);
}
