import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderSettings } from '@/utils/translate/provider-config';
import { BudgetField, parseBudget } from './budget-field';
import { KeyField } from './key-field';
import type { ProviderFormProps } from './provider-catalog';
import { SaveStatusLine } from './save-status';
import { useProviderSave } from './use-provider-save';

type Plan = ProviderSettings['deepl']['plan'];

/** DeepL: the API key and the plan it belongs to (Free and Pro keys use different hosts). */
export function DeeplForm(props: ProviderFormProps) {
  const { t } = useTranslation();
  const { providers: saved, keys } = props;
  const [plan, setPlan] = useState<Plan>(saved.deepl.plan);
  const [key, setKey] = useState('');
  const [budget, setBudget] = useState(String(saved.deepl.dailyCharacterBudget));
  const { status, busy, save, removeKey, invalid } = useProviderSave({ id: 'deepl', ...props });
  const dailyCharacterBudget = parseBudget(budget);
  const providers = {
    ...saved,
    deepl: { plan, dailyCharacterBudget: dailyCharacterBudget ?? saved.deepl.dailyCharacterBudget },
  };

  const onSave = () => {
    if (!key.trim() && !keys.deepl.set) return invalid(t('providerSetup.keyRequired'));
    if (dailyCharacterBudget === undefined) return invalid(t('providerSetup.budgetInvalid'));
    void save(providers, key).then((saved) => saved && setKey(''));
  };

  return (
    <fieldset className="provider-form" data-provider-form="deepl">
      <legend>{t('providers.deepl')}</legend>
      <label className="field">
        <span className="field-label">{t('providerSetup.deepl.plan')}</span>
        <select value={plan} onChange={(event) => setPlan(event.target.value as Plan)}>
          <option value="free">{t('providerSetup.deepl.free')}</option>
          <option value="pro">{t('providerSetup.deepl.pro')}</option>
        </select>
      </label>
      <KeyField
        status={keys.deepl}
        value={key}
        onChange={setKey}
        onRemove={() => void removeKey(providers)}
      />
      <BudgetField value={budget} onChange={setBudget} />
      <div className="form-actions">
        <button type="button" onClick={onSave} disabled={busy}>
          {t('providerSetup.saveNamed', { name: t('providers.deepl') })}
        </button>
      </div>
      <SaveStatusLine status={status} />
    </fieldset>
  );
}
