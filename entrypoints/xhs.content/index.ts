import './style.css';
import { createI18n, uiLocaleFor } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import type { OverlayLabels } from '@/utils/overlay/overlay-element';
import { PageTranslator } from '@/utils/overlay/page-translator';
import { createTranslationClient } from '@/utils/overlay/translation-client';
import { browserLocale, loadSettings, resolveReaderLanguage, watchSettings } from '@/utils/settings';
import type { Settings, SiteHost } from '@/utils/settings-schema';

export default defineContentScript({
  // The whole host: notes open as modals over any list page through pushState.
  matches: ['*://www.xiaohongshu.com/*', '*://www.rednote.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let settings = await loadSettings();
    const site = location.host as SiteHost;
    const i18n = await createI18n(uiLocaleFor(settings.uiLanguage, browserLocale()), false);
    // Getters, so a change of interface language applies to the next overlay rendered.
    const labels: OverlayLabels = {
      get translating() {
        return i18n.t('overlay.translating');
      },
      get retry() {
        return i18n.t('overlay.retry');
      },
      failed: (reason) => i18n.t('overlay.failed', { reason }),
      replyTo: (name) => i18n.t('overlay.replyTo', { name }),
    };
    const translate = createTranslationClient({
      send: (request) => sendMessage('translate', request),
      timeoutMessage: i18n.t('overlay.noAnswer'),
    });
    const translator = new PageTranslator({
      doc: document,
      location: () => ({ pathname: location.pathname }),
      reader: resolveReaderLanguage(settings),
      mode: settings.displayMode,
      labels,
      translate,
      cancel: (requestIds) => void sendMessage('cancel', { requestIds }).catch(() => undefined),
      prioritize: (requestIds) =>
        void sendMessage('prioritize', { requestIds, priority: 'visible' }).catch(() => undefined),
    });

    const apply = (next: Settings) => {
      settings = next;
      void i18n.changeLanguage(uiLocaleFor(next.uiLanguage, browserLocale()));
      translator.setMode(next.displayMode);
      translator.setReader(resolveReaderLanguage(next));
      if (next.sites[site] ?? true) translator.start();
      else translator.stop();
    };
    apply(settings);

    const stopWatching = watchSettings(apply);
    ctx.addEventListener(window, 'wxt:locationchange', () => translator.rescan());
    ctx.onInvalidated(() => {
      stopWatching();
      translator.stop();
    });
  },
});
