import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '@/utils/transport/messages';
import { type ProviderHealthView, type StatsView } from '@/utils/translate/types';
import { providerInUse } from './provider-in-use';

/** Today's figures and the health of the provider in use, refreshed while the view is open. */
export function TodayStats() {
  const { t } = useTranslation();
  const [stats, setStats] = useState<StatsView>();
  const [health, setHealth] = useState<ProviderHealthView[]>([]);

  useEffect(() => {
    let alive = true;
    const refresh = () => {
      void sendMessage('getStats', {}).then(
        (value) => alive && setStats(value),
        () => undefined,
      );
      void sendMessage('getProviderHealth', {}).then(
        (value) => alive && setHealth(value),
        () => undefined,
      );
    };
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  const inUse = providerInUse(health);
  const reason =
    inUse && 'kind' in inUse && inUse.kind ? t(`providerSetup.popup.reasons.${inUse.kind}`) : undefined;
  return (
    <section className="stats" aria-label={t('popup.today')}>
      <h2>{t('popup.today')}</h2>
      <dl>
        <div>
          <dt>{t('popup.unitsTranslated')}</dt>
          <dd data-stat="units">{stats?.unitsTranslated ?? 0}</dd>
        </div>
        <div>
          <dt>{t('popup.requests')}</dt>
          <dd data-stat="requests">{stats?.requests ?? 0}</dd>
        </div>
        <div>
          <dt>{t('popup.characters')}</dt>
          <dd data-stat="characters">{(stats?.characters ?? 0).toLocaleString()}</dd>
        </div>
        <div>
          <dt>{t('popup.cacheHits')}</dt>
          <dd data-stat="cache-hits">{stats?.cacheHits ?? 0}</dd>
        </div>
      </dl>
      {inUse && (
        <p className="provider-health" data-provider={inUse.provider} data-state={inUse.state}>
          {t('popup.provider')}: {t(`providers.${inUse.provider}`)} ·{' '}
          {inUse.state === 'falling-back' ? t('providerSetup.popup.fallingBack') : t(`health.${inUse.state}`)}
        </p>
      )}
      {inUse?.state === 'falling-back' && (
        <p className="status provider-fallback" data-failed={inUse.failed}>
          {t(
            inUse.kind === 'budget'
              ? 'providerSetup.popup.budgetSpent'
              : reason
                ? 'providerSetup.popup.fallbackReason'
                : 'providerSetup.popup.fallback',
            {
              failed: t(`providers.${inUse.failed}`),
              provider: t(`providers.${inUse.provider}`),
              reason,
            },
          )}
        </p>
      )}
      {inUse?.state === 'failing' && reason && (
        <p className="status provider-fallback">{t('providerSetup.popup.failingReason', { reason })}</p>
      )}
    </section>
  );
}
