import type { ReactNode } from 'react';
import { cx } from '../class-names.js';
import { Button } from './button.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  title?: ReactNode;
  /** What went wrong, in words the reader can act on. */
  message?: ReactNode;
  /** Offers a "Try again" button that calls this. */
  onRetry?: () => void;
  isRetrying?: boolean;
  isFullPage?: boolean;
  headingLevel?: 1 | 2 | 3;
  className?: string;
}

/** A failure the user should know about, announced as an alert, with a way to try again. */
export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
  isRetrying = false,
  isFullPage = false,
  headingLevel = 2,
  className,
}: ErrorStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cx('wp-state', 'wp-state--error', isFullPage && 'wp-state--full-page', className)}
      role="alert"
    >
      <div className="wp-state__icon" aria-hidden="true">
        !
      </div>
      <Heading className="wp-state__title">{title}</Heading>
      {message ? <div className="wp-state__description">{message}</div> : null}
      {onRetry ? (
        <div className="wp-state__action">
          <Button variant="secondary" onClick={onRetry} isLoading={isRetrying}>
            Try again
          </Button>
        </div>
      ) : null}
    </div>
  );
}
