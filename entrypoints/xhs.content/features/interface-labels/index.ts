import type { LanguageCode } from '@/utils/language/languages';
import { resolveReaderLanguage, showsSiteInterface } from '@/utils/settings';
import { translateLabel } from '@/utils/site-labels/label-dictionary';
import { INTERFACE_LABEL_SELECTOR, interfaceLabelKind } from '@/utils/xhs/interface-labels';
import { siteEnabled, type PageFeature } from '../feature';
import { SiteLabeler } from './site-labeler';

/**
 * Labels the dictionary lacks are left as the site shows them and said in the console, so the
 * dictionary can grow: a few at a time, since a console line costs more than labelling a page.
 */
const unknownLabels = {
  pending: [] as string[],
  timer: undefined as ReturnType<typeof setTimeout> | undefined,
  report(text: string) {
    this.pending.push(text);
    this.timer ??= setTimeout(() => {
      console.debug('[RedBridge] interface labels not in the dictionary:', this.pending.splice(0));
      this.timer = undefined;
    }, 2_000);
  },
};

/** Distinct labels remembered per reader language; a long session's dates and counts pass it. */
const MEMO_SIZE = 4_096;

function startLabeler(doc: Document, reader: LanguageCode): SiteLabeler {
  // A page repeats the same few labels (回复, 作者, places, dates) hundreds of times.
  const memo = new Map<string, string | undefined>();
  const labeler = new SiteLabeler({
    doc,
    selector: INTERFACE_LABEL_SELECTOR,
    translate: (text, element) => {
      const kind = interfaceLabelKind(element);
      const key = `${kind ?? ''}\u0000${text}`;
      if (memo.has(key)) return memo.get(key);
      if (memo.size >= MEMO_SIZE) memo.clear();
      const label = translateLabel(text, reader, kind ? { kind } : {});
      memo.set(key, label);
      return label;
    },
    onUnknown: (text) => unknownLabels.report(text),
    // Each translation added to a comment would otherwise be searched for labels too.
    ownElements: '[data-rb-translation], [data-rb-compose], [data-rb-lookup]',
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
