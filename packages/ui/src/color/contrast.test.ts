import { describe, expect, it } from 'vitest';
import {
  accentContrast,
  brandColorVariables,
  contrastRatio,
  NON_TEXT_CONTRAST_AA,
  readableTextColor,
  relativeLuminance,
  TEXT_CONTRAST_AA,
} from './contrast.js';

describe('contrast of brand colours', () => {
  it('computes WCAG luminance and contrast ratios', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // Published pairs: #767676 is the lightest grey with 4.5:1 on white; the default accent is about 5.2:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#c2410c', '#ffffff')).toBeCloseTo(5.18, 1);
    expect(() => relativeLuminance('orange')).toThrow(RangeError);
  });

  it('labels a button in white or black, whichever reaches AA on the colour', () => {
    expect(readableTextColor('#c2410c')).toBe('#ffffff');
    expect(readableTextColor('#1d4ed8')).toBe('#ffffff');
    expect(readableTextColor('#fde047')).toBe('#000000');
    expect(readableTextColor('#22c55e')).toBe('#000000');
    // Every grey, the hardest case, still gets a label with at least 4.5:1.
    for (let level = 0; level < 256; level += 1) {
      const grey = `#${level.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrastRatio(grey, readableTextColor(grey))).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA);
    }
  });

  it('tells which colours are too light for borders and links on the portal', () => {
    expect(accentContrast('#c2410c')).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST_AA);
    expect(accentContrast('#1d4ed8')).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST_AA);
    expect(accentContrast('#fde047')).toBeLessThan(NON_TEXT_CONTRAST_AA);
    expect(accentContrast('#f7f6f3')).toBeCloseTo(1, 1);
  });

  it('paints primary buttons with a brand colour, and leaves the theme alone without one', () => {
    expect(brandColorVariables('#fde047')).toEqual({
      '--wp-color-primary': '#fde047',
      '--wp-color-primary-hover': '#fde047',
      '--wp-color-primary-active': '#fde047',
      '--wp-color-primary-contrast': '#000000',
    });
    expect(brandColorVariables(undefined)).toEqual({});
    expect(brandColorVariables('#c241')).toEqual({});
  });
});
