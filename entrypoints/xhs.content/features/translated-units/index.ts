import type { i18n } from 'i18next';
import { watchGlossary } from '@/utils/glossary/protocol';
import type { OverlayLabels } from '@/utils/overlay/overlay-element';
import { resolveReaderLanguage } from '@/utils/settings';
import { siteEnabled, type PageFeature } from '../feature';
import { PageTranslator } from './page-translator';

function overlayLabels(i18n: i18n): OverlayLabels {
  return {
    translating: i18n.t('overlay.translating'),
    retry: i18n.t('overlay.retry'),
    failed: (reason) => i18n.t('overlay.failed', { reason }),
    replyTo: (name) => i18n.t('overlay.replyTo', { name }),
    reason: (kind) =>
      i18n.exists(`overlay.reasons.${kind}`) ? i18n.t(`overlay.reasons.${kind}`) : undefined,
  };
}

/** Notes, comments, replies, card titles and bios, each with its translation right after it. */
export const translatedUnits: PageFeature = {
  name: 'translated-units',
  enabled: siteEnabled,
  start({ doc, settings, i18n, transport, overlays, signal }) {
    const initial = settings();
    const translator = new PageTranslator({
      doc,
      // Only the path: units need no more, and each read of the location is a getter call.
      location: () => ({ pathname: doc.location.pathname }),
      reader: resolveReaderLanguage(initial),
      scope: initial.sourceScope,
      mode: initial.displayMode,
      // Read once per interface language, not per overlay: i18next's lookup is not free at this scale.
      labels: overlayLabels(i18n),
      translate: transport.translate,
      cancel: transport.cancel,
      prioritize: transport.prioritize,
      decorate: overlays.decorate,
      undecorate: overlays.forget,
    });
    translator.start();
    const relabel = () => translator.setLabels(overlayLabels(i18n));
    i18n.on('languageChanged', relabel);
    // A term added or edited anywhere, or a decoration switched: chips and renderings show without a reload.
    const stopGlossary = watchGlossary(() => translator.refresh());
    const stopDecorations = overlays.onChange(() => translator.refresh());
    signal.addEventListener('abort', () => {
      i18n.off('languageChanged', relabel);
      stopGlossary();
      stopDecorations();
      translator.stop();
    });
    return {
      onSettings(next) {
        translator.setMode(next.displayMode);
        translator.setReader(resolveReaderLanguage(next));
        translator.setScope(next.sourceScope);
      },
      onNavigate: () => translator.rescan(),
    };
  },
};
