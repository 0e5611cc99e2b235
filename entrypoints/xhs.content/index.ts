import './style.css';
import type { i18n } from 'i18next';
import { createI18n, uiLocaleFor } from '@/utils/i18n';
import { browser } from 'wxt/browser';
import type { OverlayLabels } from '@/utils/overlay/overlay-element';
import { watchAppearance } from '@/utils/overlay/appearance';
import { PageTranslator } from '@/utils/overlay/page-translator';
import { watchGlossary } from '@/utils/glossary/protocol';
import { createTermContext } from '@/utils/overlay/term-context';
import { TRANSLATION_PORT } from '@/utils/transport/translation-port';
import { createPortTranslationClient } from '@/utils/transport/translation-port-client';
import { type PortLike } from '@/utils/transport/translation-port';
import { browserLocale, loadSettings, resolveReaderLanguage, watchSettings } from '@/utils/settings';
import type { Settings, SiteHost } from '@/utils/settings-schema';
import { setupLookUp } from './lookup';

function overlayLabels(i18n: i18n): OverlayLabels {
  const translating = i18n.t('overlay.translating');
  const retry = i18n.t('overlay.retry');
  return {
    translating,
    retry,
    failed: (reason) => i18n.t('overlay.failed', { reason }),
    replyTo: (name) => i18n.t('overlay.replyTo', { name }),
    reason: (kind) =>
      i18n.exists(`overlay.reasons.${kind}`) ? i18n.t(`overlay.reasons.${kind}`) : undefined,
  };
}

export default defineContentScript({
  // The whole host: notes open as modals over any list page through pushState.
  matches: ['*://www.xiaohongshu.com/*', '*://www.rednote.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await loadSettings();
    const site = location.host as SiteHost;
    const i18n = await createI18n(uiLocaleFor(settings.uiLanguage, browserLocale()), false);
    const client = createPortTranslationClient({
      connect: () => browser.runtime.connect({ name: TRANSLATION_PORT }) as unknown as PortLike,
      timeoutMessage: i18n.t('overlay.noAnswer'),
    });
    let current = settings;
    const terms = createTermContext({
      doc: document,
      i18n,
      settings: () => current,
      reader: () => resolveReaderLanguage(current),
    });
    const translator = new PageTranslator({
      doc: document,
      location: () => ({ pathname: location.pathname }),
      reader: resolveReaderLanguage(settings),
      scope: settings.sourceScope,
      mode: settings.displayMode,
      // Read once per interface language, not per overlay: i18next's lookup is not free at this scale.
      labels: overlayLabels(i18n),
      translate: client.translate,
      cancel: client.cancel,
      prioritize: client.prioritize,
      decorate: terms.decorate,
      undecorate: terms.forget,
    });

    const lookUp = setupLookUp(ctx, i18n);
    const apply = (next: Settings) => {
      const termsToggled = next.showTerms !== current.showTerms;
      const modeChanged = next.displayMode !== current.displayMode;
      current = next;
      void i18n
        .changeLanguage(uiLocaleFor(next.uiLanguage, browserLocale()))
        .then(() => translator.setLabels(overlayLabels(i18n)));
      translator.setMode(next.displayMode);
      if (modeChanged) terms.recheck();
      translator.setReader(resolveReaderLanguage(next));
      translator.setScope(next.sourceScope);
      // Switched off for the site: no translations, no look-up, nothing listening to the page.
      if (next.sites[site] ?? true) {
        translator.start();
        lookUp.start();
      } else {
        translator.stop();
        terms.clear();
        lookUp.stop();
      }
      if (termsToggled) translator.refresh();
    };
    apply(settings);
    ctx.onInvalidated(watchAppearance(document, settings.appearance));

    const stopWatching = watchSettings(apply);
    // A term added or edited anywhere: its chips and preferred rendering show without a reload.
    ctx.onInvalidated(watchGlossary(() => translator.refresh()));
    ctx.addEventListener(window, 'wxt:locationchange', () => translator.rescan());
    ctx.onInvalidated(() => {
      stopWatching();
      translator.stop();
      terms.dispose();
      client.dispose();
    });
  },
});
