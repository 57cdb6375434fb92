import { Link } from '@tanstack/react-router';
import { Badge, Icon, SideNav, SideNavItem, sideNavLinkClassName } from '@warmpath/ui';
import { navigationItems } from './navigation-items.js';

/** The console's sidebar links; the current page is marked with `aria-current="page"` by the router. */
export function StaffNavigation() {
  return (
    <SideNav label="Main">
      {navigationItems.map((item) => (
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
