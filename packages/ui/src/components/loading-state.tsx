import { cx } from '../class-names.js';
import { Spinner } from './spinner.js';

/** Props of {@link LoadingState}. */
export interface LoadingStateProps {
  /** What is loading, read by screen readers ("Loading tracks…"). */
  label?: string;
  /** Fills the viewport, for whole-page loads before the layout exists. */
  isFullPage?: boolean;
  className?: string;
}

/** A polite live region with a spinner, shown while data a view needs is on its way. */
export function LoadingState({ label = 'Loading…', isFullPage = false, className }: LoadingStateProps) {
  return (
    <div
      className={cx('wp-state', 'wp-state--loading', isFullPage && 'wp-state--full-page', className)}
      role="status"
      aria-live="polite"
    >
      <Spinner size="lg" />
      <p className="wp-state__description">{label}</p>
    </div>
  );
}
