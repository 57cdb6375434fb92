import type { StaffRole } from '../../api/types.js';

/** The staff roles as the console names them, most powerful first. */
export const STAFF_ROLE_OPTIONS: ReadonlyArray<{ value: StaffRole; label: string }> = [
  { value: 'owner', label: 'Owner' },
  { value: 'admin', label: 'Admin' },
  { value: 'manager', label: 'Manager' },
  { value: 'sales', label: 'Sales' },
  { value: 'finance', label: 'Finance' },
  { value: 'viewer', label: 'Viewer' },
];

/** "Owner", "Sales"…: the name of a role in sentences and table cells. */
export function staffRoleLabel(role: StaffRole): string {
  return STAFF_ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}
