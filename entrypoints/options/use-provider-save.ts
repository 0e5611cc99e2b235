import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '@/utils/transport/messages';
import type { ProviderConfig, ProviderSettings } from '@/utils/translate/provider-config';
import { providerOrigins } from '@/utils/translate/providers';
import { SECRET_OF_PROVIDER, type KeyStatuses } from '@/utils/translate/setup-protocol';
import type { ProviderId } from '@/utils/translate/types';
import { providerHosts } from './provider-catalog';
import { describeFailure } from './provider-failure';
import { requestHostAccess } from './host-permission';

export interface SaveStatus {
  tone: 'ok' | 'error';
  text: string;
  details?: string;
}

/**
 * Saving one provider's form: access to its host is asked for inside the click, then the settings
 * and a newly typed key are handed to the background, which keeps both in its database (never in
 * `storage.local`) and binds the key to the address saved with it.
 */
export function useProviderSave(options: {
  id: ProviderId;
  onConfig: (config: ProviderConfig) => void;
  onKeys: (keys: KeyStatuses) => void;
}) {
  const { t } = useTranslation();
  const { id, onConfig, onKeys } = options;
  const secret = SECRET_OF_PROVIDER[id]!;
  const name = t(`providers.${id}`);
  const [status, setStatus] = useState<SaveStatus>();
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown, providers: ProviderSettings) =>
    setStatus({
      tone: 'error',
      ...toText(describeFailure(t, error, { name, hosts: providerHosts(id, providers) })),
    });

  /** Call from the click handler itself; resolves true once everything is saved. */
  const save = (providers: ProviderSettings, key: string): Promise<boolean> => {
    const access = requestHostAccess(providerOrigins(id, providers));
    setBusy(true);
    setStatus(undefined);
    return (async () => {
      try {
        if (!(await access)) {
          const hosts = providerHosts(id, providers).join(', ');
          setStatus({ tone: 'error', text: t('providerSetup.permissionDenied', { hosts }) });
          return false;
        }
        onConfig(await sendMessage('saveProviderSettings', { providers }));
        if (key.trim()) onKeys(await sendMessage('saveProviderKey', { id: secret, key: key.trim() }));
        setStatus({ tone: 'ok', text: t('providerSetup.saved', { name }) });
        return true;
      } catch (error) {
        fail(error, providers);
        return false;
      } finally {
        setBusy(false);
      }
    })();
  };

  const removeKey = async (providers: ProviderSettings) => {
    try {
      onKeys(await sendMessage('removeProviderKey', { id: secret }));
      setStatus({ tone: 'ok', text: t('providerSetup.keyRemoved', { name }) });
    } catch (error) {
      fail(error, providers);
    }
  };

  const invalid = (text: string) => setStatus({ tone: 'error', text });

  return { status, busy, save, removeKey, invalid };
}

function toText({ summary, details }: { summary: string; details: string }) {
  return { text: summary, details };
}
