import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button.js';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** The text put on the clipboard. */
  value: string;
  /** The button's label, e.g. "Copy link"; it reads "Copied" for a moment after a copy. */
  label?: string;
  /** Said after the label to screen readers only, when several copy buttons share a page ("for Enterprise"). */
  context?: string;
}

type CopyOutcome = 'idle' | 'copied' | 'failed';

const FEEDBACK_MILLISECONDS = 2500;

/**
 * Copies a value to the clipboard and says so for a moment, on the button and in a polite live region beside it
 * (a live region inside a button is not announced reliably). Where the clipboard is unavailable (plain http, old
 * browsers) it says to copy by hand.
 */
export function CopyButton({
  value,
  label = 'Copy',
  context,
  variant = 'secondary',
  size = 'sm',
  ...rest
}: CopyButtonProps) {
  const [outcome, setOutcome] = useState<CopyOutcome>('idle');
  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), FEEDBACK_MILLISECONDS);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      // `navigator.clipboard` is undefined outside secure contexts: that throws here too, and is caught.
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <>
      <Button {...rest} variant={variant} size={size} onClick={() => void copy()}>
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed' : label}
        {context ? <span className="wp-visually-hidden"> {context}</span> : null}
      </Button>
      <span className="wp-visually-hidden" role="status">
        {outcome === 'copied'
          ? 'Copied to the clipboard'
          : outcome === 'failed'
            ? 'Copy failed: select the text and copy it'
            : ''}
      </span>
    </>
  );
}
