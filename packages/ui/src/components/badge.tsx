import type { ReactNode } from 'react';
import { cx } from '../class-names.js';

/** Colour families of {@link Badge}; each pairs a tinted background with text that keeps AA contrast. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent' | 'primary';

/** Props of {@link Badge}. */
export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

/** A short status or category label. The text carries the meaning; colour only reinforces it. */
export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return <span className={cx('wp-badge', `wp-badge--${tone}`, className)}>{children}</span>;
}
