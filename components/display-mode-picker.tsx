import { useTranslation } from 'react-i18next';
import type { DisplayMode } from '@/utils/settings-schema';

const MODES: DisplayMode[] = ['bilingual', 'translation-only', 'hover'];

/** A radio group: how translations sit beside the original text. */
export function DisplayModePicker(props: { value: DisplayMode; onChange: (mode: DisplayMode) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend className="field-label">{t('settings.displayMode')}</legend>
      <div className="segmented">
        {MODES.map((mode) => (
          <label key={mode} className={props.value === mode ? 'segment selected' : 'segment'}>
            <input
              type="radio"
              name="display-mode"
              value={mode}
              checked={props.value === mode}
              onChange={() => props.onChange(mode)}
            />
            {t(`displayMode.${mode}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
