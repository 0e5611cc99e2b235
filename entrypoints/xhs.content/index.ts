import '@/utils/overlay/overlay.css';
import '@/utils/xhs/site.css';
import { browser } from 'wxt/browser';
import { createI18n, uiLocaleFor } from '@/utils/i18n';
import { watchAppearance } from '@/utils/overlay/appearance';
import { browserLocale, loadSettings, watchSettings } from '@/utils/settings';
import { TRANSLATION_PORT, type PortLike } from '@/utils/transport/translation-port';
import { createPortTranslationClient } from '@/utils/transport/translation-port-client';
import { SITE_MATCHES, isSiteHost } from '@/utils/xhs/hosts';
import { FeatureRunner } from './feature-runner';
import { FEATURES } from './features';
import { OverlayDecorations } from './features/overlay-decorations';

// The entry only wires: each on-page feature lives in its own folder under features/.
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    if (!isSiteHost(location.host)) return;
    const settings = await loadSettings();
    const i18n = await createI18n(uiLocaleFor(settings.uiLanguage, browserLocale()), false);
    const transport = createPortTranslationClient({
      connect: () => browser.runtime.connect({ name: TRANSLATION_PORT }) as unknown as PortLike,
      timeoutMessage: i18n.t('overlay.noAnswer'),
    });
    const overlays = new OverlayDecorations();
    const runner = new FeatureRunner(
      FEATURES,
      {
        host: location.host,
        location: () => ({ pathname: location.pathname, href: location.href, origin: location.origin }),
      },
      () => ({ doc: document, i18n, transport, overlays }),
    );
    runner.apply(settings);
    ctx.onInvalidated(watchAppearance(document, settings.appearance));

    const stopWatching = watchSettings((next) => {
      const locale = uiLocaleFor(next.uiLanguage, browserLocale());
      if (locale !== i18n.language) void i18n.changeLanguage(locale);
      runner.apply(next);
    });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => runner.navigate(event.newUrl.href));
    ctx.onInvalidated(() => {
      stopWatching();
      runner.stopAll();
      transport.dispose();
    });
  },
});
