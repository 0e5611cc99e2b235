import type { Appearance, ColorPreset } from '../settings-schema';
import { SELECTORS } from '../xhs/selectors';
import { watchSettings } from '../settings';

/**
 * The reader's appearance settings on the page: a few CSS custom properties on our own overlays,
 * written into one style element RedBridge owns. The rules that use them are static
 * (`overlay.css` beside this file), so a change restyles every overlay at once, without
 * re-rendering one or touching anything of the site's.
 */

export interface ColorPair {
  /** On the site in its light theme. */
  light: string;
  /** On the site in its dark theme (`<html dark>`). */
  dark: string;
}

/** Accessible colour pairs: each reads at 4.5:1 or more on every background below (see the test). */
export const PRESET_COLORS: Record<Exclude<ColorPreset, 'site' | 'custom'>, ColorPair> = {
  grey: { light: '#5f6368', dark: '#bdc1c6' },
  blue: { light: '#1a5fb4', dark: '#8ab4f8' },
  green: { light: '#1b6e35', dark: '#81c995' },
  purple: { light: '#6b3fa0', dark: '#c9a7f5' },
  brown: { light: '#8a4a0f', dark: '#f0b27a' },
};

/**
 * The site's own text colour and the backgrounds text sits on, from its CSS variables
 * (`--color-primary-label`, `--color-background`, `--color-bg0-ligher`, `--elevation-*-background`).
 * The `site` preset shows translations in the text colour at 80%, over these.
 */
export const SITE_THEMES = {
  light: { text: '#333333', backgrounds: ['#ffffff', '#fafafa'] },
  dark: { text: '#ffffff', backgrounds: ['#0a0a0a', '#121212', '#181818'] },
} as const;
export const SITE_TEXT_ALPHA = 0.8;

/** Background of the muted block, when translations sit in one. */
export const BLOCK_BACKGROUND: ColorPair = { light: '#f2f3f5', dark: '#232327' };

/** The colours a translation is shown in, or undefined for the site's own (quieter) text colour. */
export function translationColors(appearance: Appearance): ColorPair | undefined {
  if (appearance.colors === 'site') return undefined;
  if (appearance.colors === 'custom') return appearance.customColors;
  return PRESET_COLORS[appearance.colors];
}

/** Besides the site's own dark theme, previews on RedBridge's pages mark a dark sample with this class. */
export const PREVIEW_DARK_CLASS = 'rb-preview-dark';
const OVERLAY = '[data-rb-translation]';

/** The custom properties for `appearance`; empty for the default look. */
export function appearanceCss(appearance: Appearance): string {
  const light: string[] = [];
  const dark: string[] = [];
  if (appearance.fontScale !== 100) light.push(`--rb-font-scale: ${appearance.fontScale / 100};`);
  const colors = translationColors(appearance);
  if (colors) {
    light.push(`--rb-text-color: ${colors.light};`);
    dark.push(`--rb-text-color: ${colors.dark};`);
  }
  if (appearance.placement === 'block') {
    light.push(
      `--rb-block-bg: ${BLOCK_BACKGROUND.light};`,
      '--rb-block-padding: 6px 10px;',
      '--rb-block-radius: 8px;',
    );
    dark.push(`--rb-block-bg: ${BLOCK_BACKGROUND.dark};`);
  }
  const rules: string[] = [];
  if (light.length) rules.push(`${OVERLAY} { ${light.join(' ')} }`);
  if (dark.length)
    rules.push(`${SELECTORS.darkTheme} ${OVERLAY}, .${PREVIEW_DARK_CLASS} ${OVERLAY} { ${dark.join(' ')} }`);
  return rules.join('\n');
}

const STYLE_ATTRIBUTE = 'data-rb-appearance';

/** Writes the appearance into our style element (created on first use); nothing else is touched. */
export function applyAppearance(doc: Document, appearance: Appearance): void {
  let style = doc.querySelector<HTMLStyleElement>(`style[${STYLE_ATTRIBUTE}]`);
  if (!style) {
    style = doc.createElement('style');
    style.setAttribute(STYLE_ATTRIBUTE, '');
    (doc.head ?? doc.documentElement).append(style);
  }
  const css = appearanceCss(appearance);
  if (style.textContent !== css) style.textContent = css;
}

export function removeAppearance(doc: Document): void {
  doc.querySelector(`style[${STYLE_ATTRIBUTE}]`)?.remove();
}

/** Applies the appearance now and whenever any context changes it; returns the function that stops. */
export function watchAppearance(doc: Document, initial: Appearance): () => void {
  applyAppearance(doc, initial);
  const stop = watchSettings((settings) => applyAppearance(doc, settings.appearance));
  return () => {
    stop();
    removeAppearance(doc);
  };
}
