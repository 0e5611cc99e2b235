import type { LanguageCode } from '@/utils/language/languages';
import { resolveReaderLanguage, showsSiteInterface } from '@/utils/settings';
import { translateLabel } from '@/utils/site-labels/label-dictionary';
import { INTERFACE_LABEL_SELECTOR, interfaceLabelKind } from '@/utils/xhs/interface-labels';
import { siteEnabled, type PageFeature } from '../feature';
import { SiteLabeler } from './site-labeler';

function startLabeler(doc: Document, reader: LanguageCode): SiteLabeler {
  const labeler = new SiteLabeler({
    doc,
    selector: INTERFACE_LABEL_SELECTOR,
    translate: (text, element) => {
      const kind = interfaceLabelKind(element);
      return translateLabel(text, reader, kind ? { kind } : {});
    },
    // Left as the site shows it; said in the console so the dictionary can grow.
    onUnknown: (text) => console.debug('[RedBridge] interface label not in the dictionary:', text),
  });
  labeler.start();
  return labeler;
}

/**
 * The site's own interface (navigation, buttons, counts, dates, places) in the reader's language,
 * from the bundled dictionary: instant, offline, and never a provider request.
 */
export const interfaceLabels: PageFeature = {
  name: 'interface-labels',
  enabled: (settings, page) => siteEnabled(settings, page) && showsSiteInterface(settings),
  start({ doc, settings, signal }) {
    let reader = resolveReaderLanguage(settings());
    let labeler = startLabeler(doc, reader);
    signal.addEventListener('abort', () => labeler.stop());
    return {
      onSettings(next) {
        const language = resolveReaderLanguage(next);
        if (language === reader) return;
        reader = language;
        labeler.stop();
        labeler = startLabeler(doc, reader);
      },
    };
  },
};
