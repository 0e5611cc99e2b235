import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { BudgetField, parseBudget } from './budget-field';
import { KeyField } from './key-field';
import { OPENAI_PRESETS, parseEndpoint, presetOf, type ProviderFormProps } from './provider-catalog';
import { SaveStatusLine } from './save-status';
import { useProviderSave } from './use-provider-save';

/**
 * Any chat-completions API: a preset fills in the base URL and a model that translates well; both
 * stay editable. A local server (Ollama) needs no key.
 */
export function OpenAiCompatibleForm(props: ProviderFormProps) {
  const { t } = useTranslation();
  const { providers: savedProviders, keys } = props;
  const saved = savedProviders.openaiCompatible;
  const [baseUrl, setBaseUrl] = useState(saved.baseUrl);
  const [model, setModel] = useState(saved.model);
  const [key, setKey] = useState('');
  const [budget, setBudget] = useState(String(saved.dailyCharacterBudget));
  const { status, busy, save, removeKey, invalid } = useProviderSave({ id: 'openai-compatible', ...props });
  const preset = presetOf(baseUrl);
  const providers = {
    ...savedProviders,
    openaiCompatible: {
      baseUrl: baseUrl.trim(),
      model: model.trim(),
      dailyCharacterBudget: parseBudget(budget) ?? saved.dailyCharacterBudget,
    },
  };

  const choosePreset = (id: string) => {
    const chosen = OPENAI_PRESETS.find((candidate) => candidate.id === id);
    if (!chosen) return;
    setBaseUrl(chosen.baseUrl);
    setModel(chosen.model);
  };

  const onSave = () => {
    if (!parseEndpoint(baseUrl)) return invalid(t('providerSetup.invalidUrl'));
    if (!model.trim()) return invalid(t('providerSetup.openai.modelRequired'));
    if (parseBudget(budget) === undefined) return invalid(t('providerSetup.budgetInvalid'));
    void save(providers, key).then((done) => done && setKey(''));
  };

  return (
    <fieldset className="provider-form" data-provider-form="openai-compatible">
      <legend>{t('providers.openai-compatible')}</legend>
      <label className="field">
        <span className="field-label">{t('providerSetup.openai.preset')}</span>
        <select value={preset} onChange={(event) => choosePreset(event.target.value)}>
          {OPENAI_PRESETS.map(({ id }) => (
            <option key={id} value={id}>
              {t(`providerSetup.openai.presets.${id}`)}
            </option>
          ))}
          <option value="custom" disabled={preset !== 'custom'}>
            {t('providerSetup.openai.presets.custom')}
          </option>
        </select>
      </label>
      <TextField
        label={t('providerSetup.openai.baseUrl')}
        type="url"
        inputMode="url"
        spellCheck={false}
        value={baseUrl}
        onChange={setBaseUrl}
      />
      <TextField
        label={t('providerSetup.openai.model')}
        spellCheck={false}
        value={model}
        onChange={setModel}
      />
      <KeyField
        status={keys.openaiCompatible}
        value={key}
        onChange={setKey}
        onRemove={() => void removeKey(providers)}
        optional={preset === 'ollama'}
        {...(preset === 'ollama' ? { help: t('providerSetup.openai.localNoKey') } : {})}
      />
      <BudgetField value={budget} onChange={setBudget} />
      <div className="form-actions">
        <button type="button" onClick={onSave} disabled={busy}>
          {t('providerSetup.saveNamed', { name: t('providers.openai-compatible') })}
        </button>
      </div>
      <SaveStatusLine status={status} />
    </fieldset>
  );
}
