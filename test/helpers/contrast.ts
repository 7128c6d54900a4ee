// Colour maths for the quality checks (the design tokens' contrast, focus rings in the e2e tests),
// from axe-core's own colour module (the code behind its color-contrast rule, WCAG 2.1): contrast
// of a CSS colour against a stack of backgrounds composited as the browser paints them.
import axe from 'axe-core';

/** The part of axe.commons.color used here (axe-core's typings leave `commons.color` out). */
export interface AxeColor {
  red: number;
  green: number;
  blue: number;
  alpha: number;
  parseString(css: string): AxeColor;
  getRelativeLuminance(): number;
}
interface AxeColorModule {
  Color: new () => AxeColor;
  getContrast(bg: AxeColor, fg: AxeColor): number;
  flattenColors(fg: AxeColor, bg: AxeColor): AxeColor;
}
const color = (axe.commons as unknown as { color: AxeColorModule }).color;

function parse(css: string): AxeColor {
  return new color.Color().parseString(css);
}

/** `layers` (innermost first, as read walking up from an element) composited over white. */
export function compositeBackground(layers: readonly string[]): AxeColor {
  let out = parse('#ffffff');
  for (const css of [...layers].reverse()) out = color.flattenColors(parse(css), out);
  return out;
}

/** WCAG 2.1 contrast ratio of `fg` (alpha composited over `bg`) against `bg`. */
export function contrastOn(fg: string, bg: AxeColor): number {
  return color.getContrast(bg, color.flattenColors(parse(fg), bg));
}

/** Contrast of two colours given as CSS strings (the second one opaque or over white). */
export function contrast(fg: string, bg: string): number {
  return contrastOn(fg, compositeBackground([bg]));
}

/** Relative luminance (0 = black, 1 = white) of a computed colour over white. */
export function luminance(css: string): number {
  return compositeBackground([css]).getRelativeLuminance();
}
