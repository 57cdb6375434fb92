import type { ReactNode } from 'react';
import { cx } from '../class-names.js';

/** Props of {@link FormAlert}. */
export interface FormAlertProps {
  tone?: 'danger' | 'warning' | 'success' | 'info';
  title?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A message about a whole form or page (the save failed, it succeeded, a link expired). Failures and warnings are
 * announced at once (`alert`), the rest politely (`status`). The form keeps what was typed; this only says what happened.
 */
export function FormAlert({ tone = 'danger', title, children, className }: FormAlertProps) {
  return (
    <div
      className={cx('wp-alert', `wp-alert--${tone}`, className)}
      role={tone === 'danger' || tone === 'warning' ? 'alert' : 'status'}
    >
      {title ? <p className="wp-alert__title">{title}</p> : null}
      <div className="wp-alert__body">{children}</div>
    </div>
  );
}
