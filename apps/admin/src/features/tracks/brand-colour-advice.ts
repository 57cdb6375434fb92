import { accentContrast, isHexColor, NON_TEXT_CONTRAST_AA } from '@warmpath/ui';

/**
 * A warning for a brand colour too light (or too close to the page) for the portal's borders and links: WCAG
 * 1.4.11 asks 3:1 against the background. Button labels need no warning: they switch to black or white to stay
 * readable. Undefined for a colour that reads well, or one that is not a colour yet (the checks say so on save).
 */
export function brandColourWarning(colour: string): string | undefined {
  const hex = colour.trim();
  if (!isHexColor(hex)) return undefined;
  const contrast = accentContrast(hex);
  if (contrast >= NON_TEXT_CONTRAST_AA) return undefined;
  return `This colour is hard to read on the portal's light background (contrast ${contrast.toFixed(1)}:1; borders and links need 3:1). Button labels stay readable, but a darker shade keeps links and borders visible.`;
}
