import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '@/utils/transport/messages';
import { endpointOrigin, type EndpointId, type ProviderConfig } from '@/utils/translate/provider-config';
import { requestHostAccess } from './host-permission';
import { describeFailure } from './provider-failure';

const PROVIDER_OF: Record<EndpointId, 'openai-compatible' | 'libretranslate'> = {
  openaiCompatible: 'openai-compatible',
  libretranslate: 'libretranslate',
};

/**
 * Addresses that came from a backup rather than from this page: nothing is sent to them until the
 * user allows each one here (and the browser grants its host), so a crafted backup cannot redirect
 * a key or the text being read.
 */
export function RestoredEndpoints(props: {
  config: ProviderConfig;
  onConfig: (config: ProviderConfig) => void;
}) {
  const { t } = useTranslation();
  const { config, onConfig } = props;
  const [problem, setProblem] = useState<string>();
  if (config.unconfirmed.length === 0) return null;

  const allow = (id: EndpointId, origin: string) => {
    const access = requestHostAccess([origin]);
    void (async () => {
      const name = t(`providers.${PROVIDER_OF[id]}`);
      const host = new URL(origin).host;
      if (!(await access)) return setProblem(t('providerSetup.permissionDenied', { hosts: host }));
      try {
        onConfig(await sendMessage('confirmProviderEndpoint', { id }));
        setProblem(undefined);
      } catch (error) {
        setProblem(describeFailure(t, error, { name, hosts: [host] }).summary);
      }
    })();
  };

  return (
    <div className="restored-endpoints notice" role="region" aria-label={t('providerSetup.restored.title')}>
      <p>{t('providerSetup.restored.explain')}</p>
      <ul>
        {config.unconfirmed.map((id) => {
          const origin = endpointOrigin(config.providers, id);
          if (!origin) return null;
          const name = t(`providers.${PROVIDER_OF[id]}`);
          return (
            <li key={id} data-restored-endpoint={id}>
              <span>
                {t('providerSetup.restored.address', { name, address: config.providers[id].baseUrl })}
              </span>{' '}
              <button type="button" onClick={() => allow(id, origin)}>
                {t('providerSetup.restored.allow', { host: new URL(origin).host })}
              </button>
            </li>
          );
        })}
      </ul>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
