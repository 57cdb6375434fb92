/**
 * The DOM id of the control for a field path (`contacts.1.email` → `referral-contacts-1-email`), so an error found
 * by path, on the client or by the server, can move focus to its field.
 */
export function fieldIdFor(path: string): string {
  return `referral-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
