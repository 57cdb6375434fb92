import type { ReactNode } from 'react';

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  /** The page's `h1`. */
  title: ReactNode;
  description?: ReactNode;
  /** A small label above the title (the section the page belongs to). */
  eyebrow?: ReactNode;
  /** The page's main actions, at the end of the header (wrapping under the title on small screens). */
  actions?: ReactNode;
}

/** The top of a page: its title, what it is for, and its main actions. */
export function PageHeader({ title, description, eyebrow, actions }: PageHeaderProps) {
  return (
    <header className="wp-page-header">
      <div className="wp-page-header__text">
        {eyebrow ? <p className="wp-page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="wp-page-header__title">{title}</h1>
        {description ? <p className="wp-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="wp-page-header__actions">{actions}</div> : null}
    </header>
  );
}
