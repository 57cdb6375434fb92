import { CONTACT_ROLE_LABELS, type ContactRole } from '@warmpath/plugin-sdk/vocabulary';

export { CONTACT_ROLES, type ContactRole } from '@warmpath/plugin-sdk/vocabulary';

/** "Economic buyer" for `economic_buyer`; a role this build does not know reads as its code with spaces. */
export function contactRoleLabel(role: string): string {
  return Object.hasOwn(CONTACT_ROLE_LABELS, role)
    ? CONTACT_ROLE_LABELS[role as ContactRole]
    : role.replaceAll('_', ' ');
}
