import { Link } from '@tanstack/react-router';

const items = [
  { to: '/', label: 'Home', isExact: true },
  { to: '/referrals/new', label: 'New referral', isExact: true },
  { to: '/referrals', label: 'My referrals', isExact: true },
  { to: '/account', label: 'Account', isExact: true },
] as const;

/**
 * The signed-in referrer’s pages. A plain list of links that wraps on a phone,
 * so there is no menu to open and every page is one tab stop away.
 */
export function PortalNavigation() {
  return (
    <nav className="portal-nav" aria-label="Portal">
      <ul className="portal-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className="portal-nav__link"
              activeOptions={{ exact: item.isExact }}
              activeProps={{ className: 'portal-nav__link--active', 'aria-current': 'page' }}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
