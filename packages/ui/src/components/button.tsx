import type { ButtonHTMLAttributes } from 'react';
import { cx } from '../class-names.js';
import { Spinner } from './spinner.js';

/** Visual weight of a button: one primary action per view, secondary for the rest. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and announces it busy, while keeping its label readable. */
  isLoading?: boolean;
  /** Stretches the button to its container's width (forms on small screens). */
  isFullWidth?: boolean;
}

/**
 * The classes of a button, for elements that must look like one without being a `<button>` (router links).
 */
export function buttonClassName({
  variant = 'primary',
  size = 'md',
  isFullWidth = false,
}: Pick<ButtonProps, 'variant' | 'size' | 'isFullWidth'> = {}): string {
  return cx('wp-button', `wp-button--${variant}`, `wp-button--${size}`, isFullWidth && 'wp-button--full');
}

/** A button; `type="button"` unless said otherwise, so it never submits a form by accident. */
export function Button({
  variant,
  size,
  isLoading = false,
  isFullWidth,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(buttonClassName({ variant, size, isFullWidth }), className)}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      {...rest}
    >
      {isLoading ? <Spinner size="sm" /> : null}
      {children}
    </button>
  );
}
