import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '@/components/use-settings';
import { sendMessage } from '@/utils/transport/messages';
import { resolveReaderLanguage } from '@/utils/settings';
import type { KeyStatuses } from '@/utils/translate/setup-protocol';
import { DeeplForm } from './deepl-form';
import { LibretranslateForm } from './libretranslate-form';
import { OnDeviceStatus } from './on-device-status';
import { OpenAiCompatibleForm } from './openai-compatible-form';
import { ProviderChainList } from './provider-chain-list';
import './providers-section.css';

const NO_KEYS: KeyStatuses = {
  deepl: { set: false },
  openaiCompatible: { set: false },
  libretranslate: { set: false },
};

/**
 * "Translation services": the order the chain asks providers in, a test for each, the on-device
 * model, and the keys and servers of the providers the user brings.
 */
export function ProvidersSection() {
  const { t } = useTranslation();
  const [settings, update] = useSettings();
  const [keys, setKeys] = useState<KeyStatuses>(NO_KEYS);

  useEffect(() => {
    let alive = true;
    sendMessage('getKeyStatus', {}).then(
      (statuses) => alive && setKeys(statuses),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);

  if (!settings) return null;
  const forms = { settings, keys, update, onKeys: setKeys };
  const reader = resolveReaderLanguage(settings);
  return (
    <>
      <ProviderChainList settings={settings} keys={keys} update={update} />
      <OnDeviceStatus key={reader} reader={reader} />
      <div className="subsection">
        <h3>{t('providerSetup.yourServices')}</h3>
        <p className="muted">{t('providerSetup.keysPrivacy')}</p>
        <DeeplForm {...forms} />
        <OpenAiCompatibleForm {...forms} />
        <LibretranslateForm {...forms} />
      </div>
    </>
  );
}
