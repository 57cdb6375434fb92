import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button.js';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** The text put on the clipboard. */
  value: string;
  /** The button's label, e.g. "Copy link". */
  label?: string;
  /** Said after the label to screen readers only, when several copy buttons share a page ("for Enterprise"). */
  context?: string;
}

/** Copies a value to the clipboard and says so for two seconds (announced to screen readers). */
export function CopyButton({
  value,
  label = 'Copy',
  variant = 'secondary',
  size = 'sm',
  ...rest
}: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <Button
      {...rest}
      variant={variant}
      size={size}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </span>
    </Button>
  );
}
