import { useTranslation } from 'react-i18next';
import { DisplayModePicker } from '@/components/display-mode-picker';
import { ReaderLanguageSelect } from '@/components/language-select';
import { Toggle } from '@/components/toggle';
import { useSettings } from '@/components/use-settings';
import { SITE_HOSTS, type UiLanguage } from '@/utils/settings-schema';
import { CacheSection } from './cache-section';

const UI_LANGUAGE_CHOICES: UiLanguage[] = ['auto', 'en', 'zh-CN'];

export function OptionsApp() {
  const { t } = useTranslation();
  const [settings, update] = useSettings();
  if (!settings) return <main className="options">{t('common.loading')}</main>;

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <section aria-labelledby="general-heading" className="card">
        <h2 id="general-heading">{t('options.general')}</h2>
        <ReaderLanguageSelect
          value={settings.readerLanguage}
          onChange={(readerLanguage) => update({ readerLanguage })}
        />
        <label className="field">
          <span className="field-label">{t('settings.uiLanguage')}</span>
          <select
            value={settings.uiLanguage}
            onChange={(event) => update({ uiLanguage: event.target.value as UiLanguage })}
          >
            {UI_LANGUAGE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`uiLanguage.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <DisplayModePicker value={settings.displayMode} onChange={(displayMode) => update({ displayMode })} />
        {SITE_HOSTS.map((host) => (
          <Toggle
            key={host}
            label={t('settings.siteEnabled', { site: host.replace(/^www\./, '') })}
            checked={settings.sites[host]}
            onChange={(checked) => update({ sites: { ...settings.sites, [host]: checked } })}
          />
        ))}
      </section>
      <CacheSection />
      <section aria-labelledby="about-heading" className="card">
        <h2 id="about-heading">{t('options.about')}</h2>
        <p>{t('options.privacy')}</p>
      </section>
    </main>
  );
}
