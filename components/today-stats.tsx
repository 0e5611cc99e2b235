import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage, type ProviderHealthView, type StatsView } from '@/utils/messages';

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

  const inUse = health.find((entry) => entry.state === 'working' || entry.state === 'slow') ?? health[0];
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
        <p className="provider-health" data-provider={inUse.id} data-state={inUse.state}>
          {t('popup.provider')}: {t(`providers.${inUse.id}`)} · {t(`health.${inUse.state}`)}
        </p>
      )}
    </section>
  );
}
