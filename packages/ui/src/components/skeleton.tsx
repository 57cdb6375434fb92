import { cx } from '../class-names.js';

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** How many grey lines to show. */
  lines?: number;
  /** What is loading, for screen readers. */
  label?: string;
  className?: string;
}

/** Placeholder lines in the shape of content that is on its way; announced once as loading. */
export function Skeleton({ lines = 3, label = 'Loading…', className }: SkeletonProps) {
  return (
    <div className={cx('wp-skeleton', className)} role="status" aria-live="polite">
      <span className="wp-visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are identical and never reorder.
        <span key={index} className="wp-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
