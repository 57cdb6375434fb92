import type { ReactNode } from 'react';

/** The class for links inside a {@link SideNav}; `aria-current="page"` marks the active one. */
export const sideNavLinkClassName = 'wp-sidenav__link';

/** Props of {@link SideNav}. */
export interface SideNavProps {
  /** Names the navigation landmark ("Main"). */
  label: string;
  children: ReactNode;
}

/**
 * The sidebar's list of destinations. Items hold the app's own router links styled with
 * {@link sideNavLinkClassName}, so this package stays independent of the router.
 */
export function SideNav({ label, children }: SideNavProps) {
  return (
    <nav className="wp-sidenav" aria-label={label}>
      <ul className="wp-sidenav__list">{children}</ul>
    </nav>
  );
}

/** Props of {@link SideNavItem}. */
export interface SideNavItemProps {
  children: ReactNode;
}

/** One destination of a {@link SideNav}. */
export function SideNavItem({ children }: SideNavItemProps) {
  return <li className="wp-sidenav__item">{children}</li>;
}
