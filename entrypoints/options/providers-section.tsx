import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '@/components/use-settings';
import { sendMessage } from '@/utils/transport/messages';
import { resolveReaderLanguage } from '@/utils/settings';
import type { ProviderConfig } from '@/utils/translate/provider-config';
import type { KeyStatuses } from '@/utils/translate/setup-protocol';
import { DeeplForm } from './deepl-form';
import { LibretranslateForm } from './libretranslate-form';
import { OnDeviceStatus } from './on-device-status';
import { OpenAiCompatibleForm } from './openai-compatible-form';
import { ProviderChainList } from './provider-chain-list';
import { RestoredEndpoints } from './restored-endpoints';
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
  // Addresses and keys live in the background's database; the page only ever sees their state.
  const [config, setConfig] = useState<ProviderConfig>();

  useEffect(() => {
    let alive = true;
    sendMessage('getKeyStatus', {}).then(
      (statuses) => alive && setKeys(statuses),
      () => undefined,
    );
    sendMessage('getProviderConfig', {}).then(
      (saved) => alive && setConfig(saved),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);

  if (!settings || !config) return null;
  const forms = { providers: config.providers, keys, onConfig: setConfig, onKeys: setKeys };
  const reader = resolveReaderLanguage(settings);
  return (
    <>
      <RestoredEndpoints config={config} onConfig={setConfig} />
      <ProviderChainList settings={settings} config={config} keys={keys} update={update} />
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
