/**
 * WCAG 2 contrast of brand colours (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), for the track colour the
 * portal paints its primary buttons, borders and links with. Colours are `#rrggbb`, the only form a track stores.
 */

/** Text (a button's label) needs 4.5:1 against its background: WCAG 1.4.3, level AA. */
export const TEXT_CONTRAST_AA = 4.5;
/** Borders, focus marks and other non-text parts need 3:1 against what is next to them: WCAG 1.4.11. */
export const NON_TEXT_CONTRAST_AA = 3;

/**
 * The surfaces a brand colour sits on in the portal: the page (`--wp-color-bg`) and cards (`--wp-color-surface`).
 * Kept here as values because contrast is computed in script; theme/tokens.css is the source.
 */
export const PORTAL_SURFACES = ['#f7f6f3', '#ffffff'] as const;

const HEX_COLOUR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

/** Whether `text` is a colour these functions take (`#c2410c`). */
export function isHexColor(text: string): boolean {
  return HEX_COLOUR.test(text);
}

/** The relative luminance of a `#rrggbb` colour: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const match = HEX_COLOUR.exec(hex);
  if (!match) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const [red, green, blue] = match.slice(1).map((pair) => {
    const channel = Number.parseInt(pair, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white); order does not matter. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * White or black, whichever contrasts more with `background`. One of them always reaches 4.5:1 (the worst case,
 * a mid grey, still gives about 4.6:1), so a label on any brand colour meets WCAG AA.
 */
export function readableTextColor(background: string): '#ffffff' | '#000000' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

/**
 * The lowest contrast of a brand colour against the portal's surfaces: below {@link NON_TEXT_CONTRAST_AA}, its
 * borders and links are hard to see (the editor warns; buttons stay readable through {@link readableTextColor}).
 */
export function accentContrast(color: string): number {
  return Math.min(...PORTAL_SURFACES.map((surface) => contrastRatio(color, surface)));
}

/**
 * The CSS custom properties that paint an element and everything in it with a brand colour: primary buttons
 * (`--wp-color-primary*`, label colour by {@link readableTextColor}), links and accents. None for a missing or
 * malformed colour, so the theme's own shows. The portal and the console's preview both use this, so they match.
 */
export function brandColorVariables(color: string | undefined): Record<string, string> {
  if (!color || !isHexColor(color)) return {};
  return {
    '--wp-color-primary': color,
    '--wp-color-primary-hover': color,
    '--wp-color-primary-active': color,
    '--wp-color-primary-contrast': readableTextColor(color),
  };
}
