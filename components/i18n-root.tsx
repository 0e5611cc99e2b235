import type { i18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, uiLocaleFor } from '@/utils/i18n';
import { browserLocale } from '@/utils/settings';
import { useSettings } from './use-settings';

/**
 * Provides i18next to an extension page in the interface language from settings, and switches
 * language live when the user changes it anywhere.
 */
export function I18nRoot({ children }: { children: ReactNode }) {
  const [settings] = useSettings();
  const [instance, setInstance] = useState<i18n>();
  const locale = settings ? uiLocaleFor(settings.uiLanguage, browserLocale()) : undefined;

  useEffect(() => {
    if (!locale) return;
    if (instance) {
      void instance.changeLanguage(locale);
    } else {
      void createI18n(locale).then(setInstance);
    }
    document.documentElement.lang = locale;
  }, [locale, instance]);

  if (!instance) return null;
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
