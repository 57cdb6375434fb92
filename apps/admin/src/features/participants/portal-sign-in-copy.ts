/**
 * How this participant signs in to the portal, as the console says it. One-time links (invitations, login links,
 * emailed magic links) always work; a password only once the participant has set one in the portal.
 */
export function portalSignInDescription(hasPassword: boolean): string {
  return hasPassword
    ? 'Signs in with the password they set in the portal, or with a one-time link.'
    : 'Signs in with one-time links; has not set a portal password.';
}
