import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@/utils/settings-schema';
import type { ProviderConfig } from '@/utils/translate/provider-config';
import type { KeyStatuses } from '@/utils/translate/setup-protocol';
import { readOnDeviceApis } from '@/utils/translate/on-device/chrome-ai';
import type { ProviderId } from '@/utils/translate/types';
import {
  PROVIDER_KINDS,
  includeProvider,
  isConfigured,
  moveProvider,
  unusedProviders,
  type SettingsUpdate,
} from './provider-catalog';
import { ProviderTestButton } from './provider-test-button';

type Direction = 'up' | 'down';

/**
 * The chain: providers in use in the order they are asked, each movable with buttons (keyboard and
 * screen readers included) and switchable on or off; then the providers not in use.
 */
export function ProviderChainList(props: {
  settings: Settings;
  config: ProviderConfig;
  keys: KeyStatuses;
  update: SettingsUpdate;
}) {
  const { t } = useTranslation();
  const { settings, config, keys, update } = props;
  const order = settings.providerOrder;
  // After a move the list re-renders; the moved provider's button keeps the keyboard focus, or its
  // other button once it reached the end of the list.
  const focusAfterMove = useRef<{ id: ProviderId; direction: Direction }>(undefined);
  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending) return;
    focusAfterMove.current = undefined;
    const same = document.getElementById(
      moveButtonId(pending.id, pending.direction),
    ) as HTMLButtonElement | null;
    const other = document.getElementById(
      moveButtonId(pending.id, pending.direction === 'up' ? 'down' : 'up'),
    );
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  const move = (id: ProviderId, direction: Direction) => {
    focusAfterMove.current = { id, direction };
    void update({ providerOrder: moveProvider(order, id, direction === 'up' ? -1 : 1) });
  };

  const row = (id: ProviderId, position: number | undefined) => {
    const name = t(`providers.${id}`);
    const inUse = position !== undefined;
    const configured = isConfigured(id, config, keys);
    // Chrome's built-in translator exists only where its API does (not in Firefox, nor before
    // Chrome 138): the chain skips it there, and a Test could only fail.
    const missing = id === 'chrome-on-device' && !readOnDeviceApis().translator;
    const checkboxId = `provider-use-${id}`;
    return (
      <li key={id} className="provider-row" data-provider={id} data-in-use={inUse}>
        <div className="provider-row-main">
          {inUse && (
            <span className="provider-position" aria-hidden="true">
              {position + 1}.
            </span>
          )}
          <input
            id={checkboxId}
            type="checkbox"
            checked={inUse}
            // The last service in use cannot be switched off: something must translate.
            disabled={inUse && order.length === 1}
            onChange={(event) =>
              void update({ providerOrder: includeProvider(order, id, event.target.checked) })
            }
            aria-describedby={`${checkboxId}-kind`}
          />
          <label htmlFor={checkboxId} className="provider-name">
            {t('providerSetup.use', { name })}
          </label>
          <span id={`${checkboxId}-kind`} className={`badge badge-${PROVIDER_KINDS[id]}`}>
            {t(`providerSetup.kinds.${PROVIDER_KINDS[id]}`)}
          </span>
          {!configured && <span className="badge badge-warning">{t('providerSetup.notSetUp')}</span>}
          {missing && <span className="badge badge-warning">{t('providerSetup.notInThisBrowser')}</span>}
        </div>
        <div className="provider-row-actions">
          {inUse && (
            <>
              <button
                type="button"
                id={moveButtonId(id, 'up')}
                disabled={position === 0}
                onClick={() => move(id, 'up')}
                aria-label={t('providerSetup.moveUp', { name })}
                title={t('providerSetup.moveUp', { name })}
              >
                ↑
              </button>
              <button
                type="button"
                id={moveButtonId(id, 'down')}
                disabled={position === order.length - 1}
                onClick={() => move(id, 'down')}
                aria-label={t('providerSetup.moveDown', { name })}
                title={t('providerSetup.moveDown', { name })}
              >
                ↓
              </button>
            </>
          )}
          <ProviderTestButton
            id={id}
            settings={settings}
            providers={config.providers}
            disabled={!configured || missing}
          />
        </div>
      </li>
    );
  };

  const unused = unusedProviders(order);
  return (
    <div className="subsection">
      <h3>{t('providerSetup.orderTitle')}</h3>
      <p className="muted">{t('providerSetup.orderHelp')}</p>
      <ol className="provider-list" aria-label={t('providerSetup.inUse')}>
        {order.map((id, index) => row(id, index))}
      </ol>
      {order.length === 1 && <p className="muted">{t('providerSetup.lastOne')}</p>}
      {unused.length > 0 && (
        <>
          <h4>{t('providerSetup.notInUse')}</h4>
          <ul className="provider-list" aria-label={t('providerSetup.notInUse')}>
            {unused.map((id) => row(id, undefined))}
          </ul>
        </>
      )}
    </div>
  );
}

function moveButtonId(id: ProviderId, direction: Direction): string {
  return `provider-move-${direction}-${id}`;
}
