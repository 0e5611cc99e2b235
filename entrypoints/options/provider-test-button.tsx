import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '@/utils/transport/messages';
import { resolveReaderLanguage } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';
import type { ProviderSettings } from '@/utils/translate/provider-config';
import { providerOrigins } from '@/utils/translate/providers';
import type { ProviderTestResult } from '@/utils/translate/setup-protocol';
import type { ProviderId } from '@/utils/translate/types';
import { PROVIDER_KINDS, providerHosts } from './provider-catalog';
import { describeFailure } from './provider-failure';
import { requestHostAccess } from './host-permission';

type TestState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'passed'; result: ProviderTestResult }
  | { phase: 'failed'; summary: string; details?: string };

/**
 * Translates a short sample with one provider as saved, through the background, and says what
 * came back: the translation, or what is wrong in words the user can act on.
 */
export function ProviderTestButton(props: {
  id: ProviderId;
  settings: Settings;
  providers: ProviderSettings;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { id, settings, providers } = props;
  const [state, setState] = useState<TestState>({ phase: 'idle' });
  const name = t(`providers.${id}`);
  const hosts = providerHosts(id, providers);

  const run = () => {
    // Endpoints the user chose need the host permission; asked for here, inside the click.
    const userChosen = PROVIDER_KINDS[id] === 'key' || PROVIDER_KINDS[id] === 'server';
    const access = userChosen ? requestHostAccess(providerOrigins(id, providers)) : Promise.resolve(true);
    setState({ phase: 'running' });
    void (async () => {
      if (!(await access)) {
        setState({
          phase: 'failed',
          summary: t('providerSetup.permissionDenied', { hosts: hosts.join(', ') }),
        });
        return;
      }
      try {
        const result = await sendMessage('testProvider', { id, to: resolveReaderLanguage(settings) });
        setState({ phase: 'passed', result });
      } catch (error) {
        setState({ phase: 'failed', ...describeFailure(t, error, { name, hosts }) });
      }
    })();
  };

  return (
    <div className="provider-test" data-provider-test={id} data-state={state.phase}>
      <button
        type="button"
        onClick={run}
        disabled={props.disabled || state.phase === 'running'}
        aria-label={t('providerSetup.testNamed', { name })}
      >
        {state.phase === 'running' ? t('providerSetup.testing') : t('providerSetup.test')}
      </button>
      <div aria-live="polite" className="provider-test-result">
        {state.phase === 'passed' && (
          <span className="ok">
            {t('providerSetup.testPassed', {
              sample: state.result.sample.text,
              translation: state.result.translation,
              ms: state.result.elapsedMs.toLocaleString(),
            })}
          </span>
        )}
        {state.phase === 'failed' && (
          <>
            <span className="error">{state.summary}</span>
            {state.details && (
              <span className="muted details">{t('providerSetup.details', { message: state.details })}</span>
            )}
          </>
        )}
      </div>
    </div>
  );
}
