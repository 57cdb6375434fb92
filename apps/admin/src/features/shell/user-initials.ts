/** Up to two initials for an avatar ("Ada Lovelace" → "AL"), falling back to the email's first letter. */
export function userInitials(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initials = `${first?.[0] ?? ''}${last?.[0] ?? ''}`;
  return (initials || email.trim()[0] || '?').toUpperCase();
}
