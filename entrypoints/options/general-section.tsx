import { useTranslation } from 'react-i18next';
import { DisplayModePicker } from '@/components/display-mode-picker';
import { ReaderLanguageSelect } from '@/components/language-select';
import { SourceScopePicker } from '@/components/source-scope-picker';
import { Toggle } from '@/components/toggle';
import { useSettings } from '@/components/use-settings';
import { resolveReaderLanguage, showsSiteInterface } from '@/utils/settings';
import type { UiLanguage } from '@/utils/settings-schema';
import { SITE_HOSTS } from '@/utils/xhs/hosts';

const UI_LANGUAGE_CHOICES: UiLanguage[] = ['auto', 'en', 'zh-CN'];

/** Reader and interface language, display mode, the site's interface and the per-site switches. */
export function GeneralSection() {
  const { t } = useTranslation();
  const [settings, update] = useSettings();
  if (!settings) return null;
  return (
    <>
      <ReaderLanguageSelect
        value={settings.readerLanguage}
        onChange={(readerLanguage) => update({ readerLanguage })}
      />
      <SourceScopePicker
        value={settings.sourceScope}
        reader={resolveReaderLanguage(settings)}
        onChange={(sourceScope) => update({ sourceScope })}
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
      <Toggle
        label={t('settings.siteInterface')}
        checked={showsSiteInterface(settings)}
        onChange={(checked) => update({ siteInterface: checked ? 'on' : 'off' })}
      />
      {SITE_HOSTS.map((host) => (
        <Toggle
          key={host}
          label={t('settings.siteEnabled', { site: host.replace(/^www\./, '') })}
          checked={settings.sites[host]}
          onChange={(checked) => update({ sites: { ...settings.sites, [host]: checked } })}
        />
      ))}
    </>
  );
}
