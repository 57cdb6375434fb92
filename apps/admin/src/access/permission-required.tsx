import { Link } from '@tanstack/react-router';
import { buttonClassName, EmptyState } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types.js';
import { useCan, useSignedInStaff } from './use-can.js';

/**
 * A page for staff whose role holds `permission`. Anyone else (who followed an old link; the sidebar does not
 * offer it) is told why instead of meeting a page whose every part fails to load.
 */
export function PermissionRequired({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const role = useSignedInStaff()?.role;
  if (useCan(permission)) return children;
  return (
    <EmptyState
      title="Not available to your role"
      headingLevel={1}
      description={`The ${role ?? 'current'} role cannot open this page. Ask an owner or admin of this installation if you need it.`}
      action={
        <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
          Go to the dashboard
        </Link>
      }
    />
  );
}
