/**
 * WCAG 2 contrast, for checking that translation colours stay readable on the site's backgrounds.
 * Colours are `#rrggbb`; a translucent colour is blended onto its background first.
 */

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** `color` at `alpha` over an opaque `background`, as the browser composites it. */
export function blend(color: string, alpha: number, background: string): string {
  const top = parseHex(color);
  const bottom = parseHex(background);
  return toHex(top.map((channel, index) => channel * alpha + bottom[index]! * (1 - alpha)) as Rgb);
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1 (none) to 21 (black on white). 4.5 is the WCAG AA minimum for body text. */
export function contrastRatio(foreground: string, background: string): number {
  const a = luminance(foreground);
  const b = luminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export const READABLE_CONTRAST = 4.5;
