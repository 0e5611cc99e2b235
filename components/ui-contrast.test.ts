import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READABLE_CONTRAST, blend, contrastRatio } from '@/utils/overlay/contrast';

/** The colour variables of RedBridge's pages, read from the stylesheet itself, light and dark. */
function themes() {
  const css = readFileSync('components/ui.css', 'utf8');
  const variables = (block: string) =>
    Object.fromEntries(
      [...block.matchAll(/--rb-([\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map(([, name, value]) => [
        name!,
        value!.length === 4 ? `#${[...value!.slice(1)].map((c) => c + c).join('')}` : value!.toLowerCase(),
      ]),
    );
  const light = variables(/:root\s*{([^}]*)}/.exec(css)![1]!);
  const dark = {
    ...light,
    ...variables(/prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)![1]!),
  };
  return { light, dark };
}

describe('RedBridge’s pages have readable contrast', () => {
  const { light, dark } = themes();

  for (const [theme, colors] of Object.entries({ light, dark })) {
    it(`text, muted text and red text read on the ${theme} background and cards`, () => {
      for (const background of ['bg', 'surface']) {
        for (const foreground of ['text', 'muted', 'red-text']) {
          const ratio = contrastRatio(colors[foreground]!, colors[background]!);
          expect(ratio, `${foreground} on ${background}`).toBeGreaterThanOrEqual(READABLE_CONTRAST);
        }
      }
    });
  }

  it('button labels read on the button colour', () => {
    expect(contrastRatio('#ffffff', light['red-dark']!)).toBeGreaterThanOrEqual(READABLE_CONTRAST);
    expect(contrastRatio('#ffffff', '#b5142b')).toBeGreaterThanOrEqual(READABLE_CONTRAST); // hover
  });

  it('the sample note’s names and captions read on the site’s white', () => {
    expect(contrastRatio(blend('#333333', 0.8, '#ffffff'), '#ffffff')).toBeGreaterThanOrEqual(
      READABLE_CONTRAST,
    );
    expect(contrastRatio(blend('#ffffff', 0.8, '#0a0a0a'), '#0a0a0a')).toBeGreaterThanOrEqual(
      READABLE_CONTRAST,
    );
    expect(contrastRatio('#5f6368', '#ffffff')).toBeGreaterThanOrEqual(READABLE_CONTRAST);
  });
});
