import { type HTMLAttributes, type ReactNode, useId } from 'react';
import { cx } from '../class-names.js';

/** Props of {@link Card}. */
export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** Heading of the card; when given, the card is a labelled region. */
  title?: ReactNode;
  description?: ReactNode;
  /** Controls shown at the end of the header (a link to the full list, a refresh button). */
  actions?: ReactNode;
  /** The heading level that fits the page outline: `h2` under a page title, `h1` when the card is the page. */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Drops the body padding, for content that runs edge to edge (tables). */
  isFlush?: boolean;
}

/** A surface that groups related content, with an optional header. */
export function Card({
  title,
  description,
  actions,
  headingLevel = 2,
  isFlush = false,
  className,
  children,
  ...rest
}: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <section
      className={cx('wp-card', className)}
      aria-labelledby={title !== undefined ? headingId : undefined}
      {...rest}
    >
      {hasHeader ? (
        <header className="wp-card__header">
          <div className="wp-card__heading">
            {title !== undefined ? (
              <Heading id={headingId} className="wp-card__title">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="wp-card__description">{description}</p> : null}
          </div>
          {actions ? <div className="wp-card__actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className={cx('wp-card__body', isFlush && 'wp-card__body--flush')}>{children}</div>
    </section>
  );
}
