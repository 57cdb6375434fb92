import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Icon } from './icon.js';

/** Props of {@link AppShell}. */
export interface AppShellProps {
  /** The product mark at the top of the sidebar. */
  brand: ReactNode;
  /** The sidebar's navigation (a {@link SideNav}). */
  navigation: ReactNode;
  /** Pinned to the bottom of the sidebar (the signed-in user, help links). */
  sidebarFooter?: ReactNode;
  /** The start of the top bar (a page or workspace title). */
  topBarStart?: ReactNode;
  /** The end of the top bar (account menu, sign-out). */
  topBarEnd?: ReactNode;
  /**
   * Changes whenever the user navigates (the current path): the sidebar, a drawer on small screens, closes
   * then, so a chosen destination is never hidden behind it.
   */
  locationKey?: string;
  children: ReactNode;
}

/**
 * The console layout: a sidebar with the navigation, a top bar and the main content. On small screens the
 * sidebar becomes a drawer opened from a menu button; a skip link leads keyboard users past it.
 */
export function AppShell({
  brand,
  navigation,
  sidebarFooter,
  topBarStart,
  topBarEnd,
  locationKey,
  children,
}: AppShellProps) {
  const sidebarId = useId();
  const [isNavigationOpen, setIsNavigationOpen] = useState(false);
  const [lastLocationKey, setLastLocationKey] = useState(locationKey);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const sidebarRef = useRef<HTMLElement>(null);

  // Closing on navigation during render (not in an effect) avoids a frame where the drawer covers the new page.
  if (locationKey !== lastLocationKey) {
    setLastLocationKey(locationKey);
    setIsNavigationOpen(false);
  }

  useEffect(() => {
    if (!isNavigationOpen) return;
    sidebarRef.current?.querySelector<HTMLElement>('a, button')?.focus();
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsNavigationOpen(false);
      menuButtonRef.current?.focus();
    }
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [isNavigationOpen]);

  return (
    <div className="wp-shell" data-navigation-open={isNavigationOpen || undefined}>
      <a className="wp-skip-link" href="#wp-main">
        Skip to main content
      </a>
      {/* The aside spans the page's full height (its background and edge with it); its body stays in view. */}
      <aside className="wp-shell__sidebar" id={sidebarId} ref={sidebarRef}>
        <div className="wp-shell__sidebar-body">
          <div className="wp-shell__brand">{brand}</div>
          <div className="wp-shell__navigation">{navigation}</div>
          {sidebarFooter ? <div className="wp-shell__sidebar-footer">{sidebarFooter}</div> : null}
        </div>
      </aside>
      <button
        type="button"
        className="wp-shell__backdrop"
        aria-label="Close navigation"
        tabIndex={-1}
        onClick={() => setIsNavigationOpen(false)}
      />
      <div className="wp-shell__column">
        <header className="wp-shell__topbar">
          <button
            type="button"
            ref={menuButtonRef}
            className="wp-shell__menu-button"
            aria-controls={sidebarId}
            aria-expanded={isNavigationOpen}
            aria-label={isNavigationOpen ? 'Close navigation' : 'Open navigation'}
            onClick={() => setIsNavigationOpen((isOpen) => !isOpen)}
          >
            <Icon name={isNavigationOpen ? 'close' : 'menu'} />
          </button>
          <div className="wp-shell__topbar-start">{topBarStart}</div>
          <div className="wp-shell__topbar-end">{topBarEnd}</div>
        </header>
        <main className="wp-shell__main" id="wp-main" tabIndex={-1}>
          <div className="wp-shell__content">{children}</div>
        </main>
      </div>
    </div>
  );
}
