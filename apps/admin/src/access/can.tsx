import type { ReactNode } from 'react';
import type { Permission } from '../api/types.js';
import { useCan } from './use-can.js';

/** Shows `children` only to staff whose role holds `permission`; `otherwise` (if any) to everyone else. */
export function Can({
  permission,
  children,
  otherwise = null,
}: {
  permission: Permission;
  children: ReactNode;
  otherwise?: ReactNode;
}) {
  return useCan(permission) ? children : otherwise;
}
