import { describe, expect, it } from 'vitest';
import { updateSettings } from '../settings';
import { DEFAULT_SETTINGS, type Appearance } from '../settings-schema';
import {
  BLOCK_BACKGROUND,
  PRESET_COLORS,
  SITE_TEXT_ALPHA,
  SITE_THEMES,
  appearanceCss,
  applyAppearance,
  watchAppearance,
} from './appearance';
import { READABLE_CONTRAST, blend, contrastRatio } from './contrast';

const base = DEFAULT_SETTINGS.appearance;
const styleText = () => document.querySelector('style[data-rb-appearance]')?.textContent;

describe('appearance presets are readable on the site', () => {
  for (const theme of ['light', 'dark'] as const) {
    const backgrounds = [...SITE_THEMES[theme].backgrounds, BLOCK_BACKGROUND[theme]];

    for (const [name, pair] of Object.entries(PRESET_COLORS)) {
      it(`${name} on the ${theme} site reads at ${READABLE_CONTRAST}:1 or more`, () => {
        for (const background of backgrounds) {
          expect(
            contrastRatio(pair[theme], background),
            `${pair[theme]} on ${background}`,
          ).toBeGreaterThanOrEqual(READABLE_CONTRAST);
        }
      });
    }

    it(`the site's own text colour at ${SITE_TEXT_ALPHA * 100}% reads on the ${theme} site`, () => {
      for (const background of backgrounds) {
        const shown = blend(SITE_THEMES[theme].text, SITE_TEXT_ALPHA, background);
        expect(contrastRatio(shown, background), `on ${background}`).toBeGreaterThanOrEqual(
          READABLE_CONTRAST,
        );
      }
    });
  }

  it('a colour that is too light fails the same check', () => {
    expect(contrastRatio('#9aa0a6', SITE_THEMES.light.backgrounds[0])).toBeLessThan(READABLE_CONTRAST);
  });
});

describe('appearanceCss', () => {
  it('is empty for the default look, so overlays keep the stylesheet’s own defaults', () => {
    expect(appearanceCss(base)).toBe('');
  });

  it('sets size, colour for each theme and the muted block as custom properties on overlays only', () => {
    const css = appearanceCss({ ...base, fontScale: 130, colors: 'blue', placement: 'block' });
    expect(css).toContain('[data-rb-translation] { --rb-font-scale: 1.3; --rb-text-color: #1a5fb4;');
    expect(css).toContain('--rb-block-bg: #f2f3f5;');
    expect(css).toContain(':root[dark] [data-rb-translation], .rb-preview-dark [data-rb-translation]');
    expect(css).toContain('--rb-text-color: #8ab4f8;');
    // Only custom properties: every declaration names one.
    for (const declaration of css.match(/[\w-]+(?=:\s)/g) ?? []) expect(declaration).toMatch(/^--rb-/);
  });

  it('uses the reader’s own colours for the custom preset', () => {
    const custom: Appearance = {
      ...base,
      colors: 'custom',
      customColors: { light: '#224466', dark: '#aaccee' },
    };
    expect(appearanceCss(custom)).toContain('--rb-text-color: #224466;');
    expect(appearanceCss(custom)).toContain('--rb-text-color: #aaccee;');
  });
});

describe('applying the appearance to a page', () => {
  it('keeps one style element of its own and rewrites it only when the appearance changes', () => {
    applyAppearance(document, { ...base, fontScale: 115 });
    const style = document.querySelector('style[data-rb-appearance]');
    expect(style?.textContent).toContain('--rb-font-scale: 1.15');
    applyAppearance(document, { ...base, fontScale: 85 });
    expect(document.querySelectorAll('style[data-rb-appearance]')).toHaveLength(1);
    expect(document.querySelector('style[data-rb-appearance]')).toBe(style);
    expect(style?.textContent).toContain('--rb-font-scale: 0.85');
    style?.remove();
  });

  it('follows settings changed in another context live, and leaves nothing behind when stopped', async () => {
    const stop = watchAppearance(document, base);
    expect(styleText()).toBe('');
    await updateSettings({ appearance: { ...base, colors: 'green' } });
    await expect.poll(styleText).toContain('--rb-text-color: #1b6e35;');
    stop();
    expect(styleText()).toBeUndefined();
  });
});
