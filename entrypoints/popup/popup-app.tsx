import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { DisplayModePicker } from '@/components/display-mode-picker';
import { ReaderLanguageSelect } from '@/components/language-select';
import { QuickAddTerm } from '@/components/quick-add-term';
import { TodayStats } from '@/components/today-stats';
import { Toggle } from '@/components/toggle';
import { useSettings } from '@/components/use-settings';
import { resolveReaderLanguage } from '@/utils/settings';
import { SITE_HOSTS, type SiteHost } from '@/utils/xhs/hosts';
import { QuickTranslate } from './quick-translate';
import { ReviewDue } from './review-due';

/** The host of the active tab when it is a supported site, so the toggle acts on that site. */
async function activeSite(): Promise<SiteHost | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return undefined;
  try {
    const host = new URL(tab.url).host;
    return SITE_HOSTS.find((site) => site === host);
  } catch {
    return undefined;
  }
}

export function PopupApp() {
  const { t } = useTranslation();
  const [settings, update] = useSettings();
  const [site, setSite] = useState<SiteHost>();
  const [onSite, setOnSite] = useState(true);

  useEffect(() => {
    void activeSite().then((found) => {
      setOnSite(!!found);
      setSite(found ?? 'www.xiaohongshu.com');
    });
  }, []);

  if (!settings || !site) return <main className="popup">{t('common.loading')}</main>;

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>{t('appName')}</h1>
        <p className="muted">{t('tagline')}</p>
      </header>
      {!onSite && <p className="notice">{t('popup.notOnSite')}</p>}
      <Toggle
        label={t('settings.siteEnabled', { site: site.replace(/^www\./, '') })}
        checked={settings.sites[site]}
        onChange={(checked) => update({ sites: { ...settings.sites, [site]: checked } })}
      />
      <ReaderLanguageSelect
        value={settings.readerLanguage}
        onChange={(readerLanguage) => update({ readerLanguage })}
      />
      <DisplayModePicker value={settings.displayMode} onChange={(displayMode) => update({ displayMode })} />
      <TodayStats />
      <ReviewDue />
      <QuickAddTerm />
      <QuickTranslate reader={resolveReaderLanguage(settings)} register={settings.compose.register} />
      <footer className="popup-footer">
        <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('common.openOptions')}
        </button>
      </footer>
    </main>
  );
}
