import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '@/utils/language/languages';
import type { SourceScope } from '@/utils/settings-schema';
import { primarySource } from '@/utils/language/direction';
import './source-scope-picker.css';

const SCOPES: SourceScope[] = ['primary', 'all'];

/**
 * Which foreign text is translated, in words that fit the reader: "Only Chinese → English" or
 * "Everything not in English"; for a Chinese reader "Only English → Chinese" or "English and other
 * languages → Chinese".
 */
export function SourceScopePicker(props: {
  value: SourceScope;
  reader: LanguageCode;
  onChange: (scope: SourceScope) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const names = {
    reader: t(`welcome.languageNames.${props.reader}`),
    source: t(`welcome.languageNames.${primarySource(props.reader)}`),
  };
  const label = (choice: SourceScope) =>
    choice === 'primary'
      ? t('welcome.scopes.primary', names)
      : t(props.reader === 'zh-CN' ? 'welcome.scopes.allForChinese' : 'welcome.scopes.all', names);
  return (
    <fieldset className="field">
      <legend className="field-label">{t('welcome.scope')}</legend>
      <div className="scope-choices">
        {SCOPES.map((choice) => (
          <label key={choice} className={props.value === choice ? 'choice selected' : 'choice'}>
            <input
              type="radio"
              name={`source-scope-${id}`}
              value={choice}
              checked={props.value === choice}
              aria-describedby={`${id}-${choice}`}
              onChange={() => props.onChange(choice)}
            />
            <span>
              <span className="choice-label">{label(choice)}</span>
              <span id={`${id}-${choice}`} className="muted">
                {t(`welcome.scopeHelp.${choice}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
