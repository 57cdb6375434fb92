import type { JsonValue, UserRow } from '@warmpath/db';
import type { User } from './user.schema.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
  };
}

/** The audited fields of an account; the password hash never enters the log. */
export function auditSnapshot(row: UserRow | undefined): Record<string, JsonValue> {
  if (!row) return {};
  return { email: row.email, name: row.name, role: row.role, disabled: row.disabled_at !== null };
}

/** Lower-case and trimmed, as emails are stored. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
