import { Button, type ButtonProps } from '@warmpath/ui';
import { useEffect, useState } from 'react';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** The text put on the clipboard. */
  text: string;
  /** The button's words ("Copy link"); they become "Copied" for a moment after a copy. */
  label: string;
}

type CopyOutcome = 'idle' | 'copied' | 'failed';

const feedbackMilliseconds = 2500;

/**
 * Copies `text` to the clipboard and says so in a polite live region, so screen-reader users hear the result too.
 * Where the clipboard is unavailable (plain http, old browsers) it says to copy by hand.
 */
export function CopyButton({ text, label, variant = 'secondary', size = 'sm', ...rest }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<CopyOutcome>('idle');
  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), feedbackMilliseconds);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <>
      <Button variant={variant} size={size} onClick={() => void copy()} {...rest}>
        {outcome === 'copied' ? 'Copied' : label}
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
