import type { ReactNode } from 'react';

/** Props of {@link SplashLayout}. */
export interface SplashLayoutProps {
  brand: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** A centred single-column page for sign-in, "not found" and other pages outside the app shell. */
export function SplashLayout({ brand, children, footer }: SplashLayoutProps) {
  return (
    <div className="wp-splash">
      <main className="wp-splash__main" id="wp-main" tabIndex={-1}>
        <div className="wp-splash__brand">{brand}</div>
        {children}
      </main>
      {footer ? <footer className="wp-splash__footer">{footer}</footer> : null}
    </div>
  );
}
