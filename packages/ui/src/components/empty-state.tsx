import type { ReactNode } from 'react';
import { cx } from '../class-names.js';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** A decorative illustration or icon. */
  icon?: ReactNode;
  /** The next step the user can take (create the first item, read the docs). */
  action?: ReactNode;
  /** Heading level that fits the page outline. */
  headingLevel?: 1 | 2 | 3;
  className?: string;
}

/** What a view shows when there is nothing to list yet: what would be here, and how to get it. */
export function EmptyState({
  title,
  description,
  icon,
  action,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={cx('wp-state', 'wp-state--empty', className)}>
      {icon ? (
        <div className="wp-state__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="wp-state__title">{title}</Heading>
      {description ? <div className="wp-state__description">{description}</div> : null}
      {action ? <div className="wp-state__action">{action}</div> : null}
    </div>
  );
}
