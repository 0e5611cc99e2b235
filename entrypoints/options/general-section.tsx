import { useTranslation } from 'react-i18next';
import { DisplayModePicker } from '@/components/display-mode-picker';
import { ReaderLanguageSelect } from '@/components/language-select';
import { SourceScopePicker } from '@/components/source-scope-picker';
import { Toggle } from '@/components/toggle';
import { useSettings } from '@/components/use-settings';
import { resolveReaderLanguage, showsSiteInterface } from '@/utils/settings';
import type { UiLanguage } from '@/utils/settings-schema';
import type { WritingRegister } from '@/utils/translate/types';
import { SITE_HOSTS } from '@/utils/xhs/hosts';

const UI_LANGUAGE_CHOICES: UiLanguage[] = ['auto', 'en', 'zh-CN'];
const REGISTERS: WritingRegister[] = ['casual', 'neutral'];

/**
 * Reader and interface language, display mode, the site's interface, compose assist and the
 * per-site switches.
 */
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
      <Toggle
        label={t('settings.composeAssist')}
        checked={settings.compose.assist}
        onChange={(assist) => update({ compose: { ...settings.compose, assist } })}
      />
      <label className="field">
        <span className="field-label">{t('settings.composeRegister')}</span>
        <select
          value={settings.compose.register}
          onChange={(event) =>
            update({ compose: { ...settings.compose, register: event.target.value as WritingRegister } })
          }
        >
          {REGISTERS.map((register) => (
            <option key={register} value={register}>
              {t(`composeRegister.${register}`)}
            </option>
          ))}
        </select>
      </label>
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
