import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '@/utils/translate/setup-protocol';

/**
 * A key input that never shows a saved key: it says one is saved (with its last characters when
 * that gives nothing away), takes a new one to replace it, and offers to remove it.
 */
export function KeyField(props: {
  status: KeyStatus;
  value: string;
  onChange: (value: string) => void;
  onRemove: () => void;
  optional?: boolean;
  help?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { status } = props;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.optional ? t('providerSetup.keyOptional') : t('providerSetup.key')}
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        placeholder={status.set ? t('providerSetup.keyReplace') : t('providerSetup.keyPlaceholder')}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={`${id}-state`}
      />
      <p id={`${id}-state`} className="muted key-state">
        {status.set
          ? status.hint
            ? t('providerSetup.keySetHint', { hint: status.hint })
            : t('providerSetup.keySet')
          : t('providerSetup.keyNotSet')}
        {props.help ? ` ${props.help}` : ''}
      </p>
      {status.set && (
        <button type="button" className="link-button" onClick={props.onRemove}>
          {t('providerSetup.removeKey')}
        </button>
      )}
    </div>
  );
}
