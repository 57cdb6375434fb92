import { brandColorVariables } from '@warmpath/ui';
import type { CSSProperties } from 'react';

/**
 * The style that paints a track's part of the portal with its brand colour: primary buttons (with a label colour
 * that keeps WCAG AA contrast), the card's top border and links. Without a colour the theme's own shows. The
 * console's branding preview uses the same variables, so what it shows is what referrers see.
 */
export function trackBrandStyle(copy: { primaryColor?: string | undefined }): CSSProperties | undefined {
  const variables = brandColorVariables(copy.primaryColor);
  return Object.keys(variables).length > 0 ? (variables as CSSProperties) : undefined;
}
