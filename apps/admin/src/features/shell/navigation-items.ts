import type { IconName } from '@warmpath/ui';

/** One destination in the console's sidebar. */
export interface NavigationItem {
  to: string;
  label: string;
  icon: IconName;
  /** False while the page is a placeholder, so the sidebar can say so instead of surprising the user. */
  isAvailable: boolean;
}

/** The console's sections, in sidebar order. */
export const navigationItems = [
  { to: '/', label: 'Dashboard', icon: 'dashboard', isAvailable: true },
  { to: '/tracks', label: 'Tracks', icon: 'tracks', isAvailable: true },
  { to: '/referrals', label: 'Referrals', icon: 'referrals', isAvailable: true },
  { to: '/participants', label: 'Participants', icon: 'participants', isAvailable: true },
  { to: '/review-queue', label: 'Review queue', icon: 'review', isAvailable: true },
  { to: '/plugins', label: 'Plugins', icon: 'plugins', isAvailable: true },
  { to: '/audit-log', label: 'Audit log', icon: 'audit', isAvailable: true },
  { to: '/settings', label: 'Settings', icon: 'settings', isAvailable: true },
] as const satisfies ReadonlyArray<NavigationItem>;
