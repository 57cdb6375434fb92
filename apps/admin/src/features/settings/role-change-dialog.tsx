import { Button, Dialog } from '@warmpath/ui';
import type { StaffAccount, StaffRole } from '../../api/types.js';
import { staffRoleLabel } from './staff-roles.js';

/** A role change someone picked in the staff table, waiting for them to confirm it. */
export interface PendingRoleChange {
  account: Pick<StaffAccount, 'id' | 'name' | 'email' | 'role'>;
  role: StaffRole;
}

/**
 * Asks before a role changes: one pick in a dropdown must not turn a viewer into an owner. Names the person, their
 * role now and the new one; nothing is sent unless confirmed.
 */
export function RoleChangeDialog({
  change,
  isSaving,
  onConfirm,
  onCancel,
}: {
  change: PendingRoleChange | null;
  isSaving: boolean;
  onConfirm: (change: PendingRoleChange) => void;
  onCancel: () => void;
}) {
  const name = change ? change.account.name || change.account.email : '';
  return (
    <Dialog
      isOpen={change !== null}
      onClose={onCancel}
      title={`Change the role of ${name}?`}
      description={
        change
          ? `${name} (${change.account.email}) goes from ${staffRoleLabel(change.account.role)} to ${staffRoleLabel(change.role)}. What they can do in the console changes at their next request.`
          : undefined
      }
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button isLoading={isSaving} onClick={() => change && onConfirm(change)}>
            Change role
          </Button>
        </>
      }
    >
      {change?.role === 'owner' ? (
        <p>Owners can do everything, including managing other owners and admins.</p>
      ) : null}
    </Dialog>
  );
}
