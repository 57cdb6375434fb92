import { Link } from '@tanstack/react-router';
import { Badge, Icon, SideNav, SideNavItem, sideNavLinkClassName } from '@warmpath/ui';
import type { Permission } from '../../api/types.js';
import { navigationItemsFor } from './navigation-items.js';

/**
 * The console's sidebar links to the pages the staff member's role can load; the current page is marked with
 * `aria-current="page"` by the router.
 */
export function StaffNavigation({ permissions }: { permissions: readonly Permission[] }) {
  return (
    <SideNav label="Main">
      {navigationItemsFor(permissions).map((item) => (
        <SideNavItem key={item.to}>
          <Link to={item.to} className={sideNavLinkClassName} activeOptions={{ exact: item.to === '/' }}>
            <Icon name={item.icon} />
            <span className="wp-sidenav__label">{item.label}</span>
            {item.isAvailable ? null : <Badge>Soon</Badge>}
          </Link>
        </SideNavItem>
      ))}
    </SideNav>
  );
}
