import { cx } from '../class-names.js';

/** Props of {@link Spinner}. */
export interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/** A decorative spinning ring; pair it with text (or an `aria-busy` parent) that says what is happening. */
export function Spinner({ size = 'md', className }: SpinnerProps) {
  return <span aria-hidden="true" className={cx('wp-spinner', `wp-spinner--${size}`, className)} />;
}
