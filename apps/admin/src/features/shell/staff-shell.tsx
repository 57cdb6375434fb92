import { useLocation } from '@tanstack/react-router';
import { AppShell, BrandMark } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { StaffUser } from '../../api/types.js';
import { AccountMenu } from './account-menu.js';
import { StaffNavigation } from './staff-navigation.js';

/** Props of {@link StaffShell}. */
export interface StaffShellProps {
  user: StaffUser;
  children: ReactNode;
}

/** The console's frame around every signed-in page. */
export function StaffShell({ user, children }: StaffShellProps) {
  const pathname = useLocation({ select: (location) => location.pathname });
  return (
    <AppShell
      brand={<BrandMark product="Admin" />}
      navigation={<StaffNavigation permissions={user.permissions} />}
      topBarStart={
        <span className="staff-shell__topbar-brand">
          <BrandMark product="Admin" />
        </span>
      }
      topBarEnd={<AccountMenu user={user} />}
      locationKey={pathname}
    >
      {children}
    </AppShell>
  );
}
