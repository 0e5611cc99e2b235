import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { BudgetField, parseBudget } from './budget-field';
import { KeyField } from './key-field';
import { parseEndpoint, type ProviderFormProps } from './provider-catalog';
import { SaveStatusLine } from './save-status';
import { useProviderSave } from './use-provider-save';

/** LibreTranslate: the server's address and, when the server asks for one, a key. */
export function LibretranslateForm(props: ProviderFormProps) {
  const { t } = useTranslation();
  const { providers: saved, keys } = props;
  const [baseUrl, setBaseUrl] = useState(saved.libretranslate.baseUrl);
  const [key, setKey] = useState('');
  const [budget, setBudget] = useState(String(saved.libretranslate.dailyCharacterBudget));
  const { status, busy, save, removeKey, invalid } = useProviderSave({ id: 'libretranslate', ...props });
  const dailyCharacterBudget = parseBudget(budget);
  const providers = {
    ...saved,
    libretranslate: {
      baseUrl: baseUrl.trim(),
      dailyCharacterBudget: dailyCharacterBudget ?? saved.libretranslate.dailyCharacterBudget,
    },
  };

  const onSave = () => {
    if (!parseEndpoint(baseUrl)) return invalid(t('providerSetup.invalidUrl'));
    if (dailyCharacterBudget === undefined) return invalid(t('providerSetup.budgetInvalid'));
    void save(providers, key).then((saved) => saved && setKey(''));
  };

  return (
    <fieldset className="provider-form" data-provider-form="libretranslate">
      <legend>{t('providers.libretranslate')}</legend>
      <TextField
        label={t('providerSetup.libre.url')}
        type="url"
        inputMode="url"
        spellCheck={false}
        placeholder="https://libretranslate.example.org"
        value={baseUrl}
        onChange={setBaseUrl}
      />
      <KeyField
        status={keys.libretranslate}
        value={key}
        onChange={setKey}
        onRemove={() => void removeKey(providers)}
        optional
      />
      <BudgetField value={budget} onChange={setBudget} />
      <div className="form-actions">
        <button type="button" onClick={onSave} disabled={busy}>
          {t('providerSetup.saveNamed', { name: t('providers.libretranslate') })}
        </button>
      </div>
      <SaveStatusLine status={status} />
    </fieldset>
  );
}
