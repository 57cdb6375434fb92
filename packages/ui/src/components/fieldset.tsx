import type { ReactNode } from 'react';
import { cx } from '../class-names.js';

/** Props of {@link Fieldset}. */
export interface FieldsetProps {
  legend: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A named group of related fields (a routing rule, the portal copy); screen readers announce the legend. */
export function Fieldset({ legend, description, children, className }: FieldsetProps) {
  return (
    <fieldset className={cx('wp-fieldset', className)}>
      <legend className="wp-fieldset__legend">{legend}</legend>
      {description ? <p className="wp-fieldset__description">{description}</p> : null}
      <div className="wp-fieldset__body">{children}</div>
    </fieldset>
  );
}
