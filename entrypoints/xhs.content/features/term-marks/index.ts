import { resolveReaderLanguage } from '@/utils/settings';
import { siteEnabled, type PageFeature } from '../feature';
import { createTermContext } from './term-context';

/**
 * Explained terms: chips under translations, the popover they open, marks on the terms in the site's
 * own text, and the popup's question of what the reader selected or opened last. Runs even where
 * translation is switched off for the site, so the popup can still start a new term from the page.
 */
export const termMarks: PageFeature = {
  name: 'term-marks',
  enabled: () => true,
  start({ doc, page, i18n, settings, overlays, signal }) {
    const terms = createTermContext({
      doc,
      i18n,
      settings,
      reader: () => resolveReaderLanguage(settings()),
    });
    const remove = overlays.add({ decorate: terms.decorate, forget: terms.forget });
    signal.addEventListener('abort', () => {
      remove();
      terms.dispose();
    });
    return {
      onSettings(next, previous) {
        if (next.showTerms !== previous.showTerms) overlays.changed();
        // Sources hidden or shown by the new display mode: their marks follow.
        if (next.displayMode !== previous.displayMode) terms.recheck();
        // Switched off for the site: the translations went, and every mark and popover with them.
        if (!siteEnabled(next, page)) terms.clear();
      },
    };
  },
};
