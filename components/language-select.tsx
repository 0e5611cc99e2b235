import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  LANGUAGE_NATIVE_NAMES,
  languageFromLocale,
  type LanguageCode,
} from '@/utils/language/languages';
import { browserLocale } from '@/utils/settings';

/** Picks the language translations are shown in; "auto" follows the browser. */
export function ReaderLanguageSelect(props: {
  value: LanguageCode | 'auto';
  onChange: (value: LanguageCode | 'auto') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const browserLanguage = LANGUAGE_NATIVE_NAMES[languageFromLocale(browserLocale())];
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{t('settings.readerLanguage')}</span>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as LanguageCode | 'auto')}
      >
        <option value="auto">{t('common.auto', { language: browserLanguage })}</option>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
