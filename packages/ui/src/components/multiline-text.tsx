import { cx } from '../class-names.js';

/** Props of {@link MultilineText}. */
export interface MultilineTextProps {
  /** Text as someone typed it: line breaks and blank lines between paragraphs are kept. */
  text: string;
  /** `span` inside an element that is already a paragraph (a page header's description). */
  as?: 'p' | 'div' | 'span';
  className?: string | undefined;
}

/**
 * Text typed over several lines (a track's description), shown with its line breaks and paragraphs. It stays
 * text: React escapes it, so markup in it shows as typed and never becomes HTML.
 */
export function MultilineText({ text, as: Element = 'p', className }: MultilineTextProps) {
  return <Element className={cx('wp-multiline', className)}>{text}</Element>;
}
