import type { ReactNode } from 'react';
import { cx } from '../class-names.js';

type Gap = 1 | 2 | 3 | 4 | 5 | 6 | 8;

/** Props of {@link Stack}. */
export interface StackProps {
  gap?: Gap;
  children: ReactNode;
  className?: string;
}

/** Lays its children out in a column with even spacing. */
export function Stack({ gap = 4, children, className }: StackProps) {
  return <div className={cx('wp-stack', `wp-gap-${gap}`, className)}>{children}</div>;
}

/** Props of {@link Grid}. */
export interface GridProps {
  /** Columns are at least this wide; as many fit as the width allows, down to one on a phone. */
  minColumnWidth?: string;
  gap?: Gap;
  children: ReactNode;
  className?: string;
}

/** A responsive grid of equal columns that wraps without media queries. */
export function Grid({ minColumnWidth = '280px', gap = 4, children, className }: GridProps) {
  return (
    <div
      className={cx('wp-grid', `wp-gap-${gap}`, className)}
      style={{ gridTemplateColumns: `repeat(auto-fill, minmax(min(${minColumnWidth}, 100%), 1fr))` }}
    >
      {children}
    </div>
  );
}
