import type { IconName } from '@warmpath/ui';
import type { Permission } from '../../api/types.js';

/** One destination in the console's sidebar. */
export interface NavigationItem {
  to: string;
  label: string;
  icon: IconName;
  /** False while the page is a placeholder, so the sidebar can say so instead of surprising the user. */
  isAvailable: boolean;
  /** What the page needs to load at all (the permission of its main procedure); roles without it do not see it. */
  permission: Permission;
}

/** The console's sections, in sidebar order. */
export const navigationItems = [
  { to: '/', label: 'Dashboard', icon: 'dashboard', isAvailable: true, permission: 'dashboard:read' },
  { to: '/tracks', label: 'Tracks', icon: 'tracks', isAvailable: true, permission: 'tracks:read' },
  {
    to: '/referrals',
    label: 'Referrals',
    icon: 'referrals',
    isAvailable: true,
    permission: 'referrals:read',
  },
  {
    to: '/participants',
    label: 'Participants',
    icon: 'participants',
    isAvailable: true,
    permission: 'participants:read',
  },
  {
    to: '/review-queue',
    label: 'Review queue',
    icon: 'review',
    isAvailable: true,
    permission: 'referrals:review',
  },
  { to: '/plugins', label: 'Plugins', icon: 'plugins', isAvailable: true, permission: 'plugins:read' },
  { to: '/jobs', label: 'Scheduled jobs', icon: 'clock', isAvailable: true, permission: 'plugins:read' },
  { to: '/audit-log', label: 'Audit log', icon: 'audit', isAvailable: true, permission: 'audit:read' },
  // Its first tab, Staff, needs users:read; every role holding webhooks:read or api_keys:manage holds it too.
  { to: '/settings', label: 'Settings', icon: 'settings', isAvailable: true, permission: 'users:read' },
] as const satisfies ReadonlyArray<NavigationItem>;

/** The sidebar of a staff member with `permissions`: only the pages their role can load. */
export function navigationItemsFor(permissions: readonly Permission[]) {
  return navigationItems.filter((item) => permissions.includes(item.permission));
}
