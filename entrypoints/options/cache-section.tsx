import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import type { CacheSizeView } from '@/utils/translate/setup-protocol';
import { approximateBytes, formatBytes } from './cache-size';

/** Clears the persistent translation cache kept by the background. */
export function CacheControls() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string>();
  const [size, setSize] = useState<CacheSizeView>();
  const refreshSize = useCallback(
    () =>
      sendMessage('getCacheSize', {}).then(
        (value) => setSize(value),
        () => setSize(undefined),
      ),
    [],
  );
  useEffect(() => void refreshSize(), [refreshSize]);
  const clear = async () => {
    try {
      const { removed } = await sendMessage('clearCache', {});
      setStatus(t('options.cacheCleared', { count: removed }));
    } catch (error) {
      setStatus(error instanceof MessageError ? error.message : String(error));
    }
    await refreshSize();
  };
  return (
    <div className="subsection">
      <h3>{t('options.cacheTitle')}</h3>
      <p className="muted">{t('options.cacheHelp')}</p>
      {size && (
        <p className="cache-size" data-cache-entries={size.entries}>
          {size.entries === 0
            ? t('providerSetup.cache.empty')
            : t('providerSetup.cache.size', {
                entries: size.entries.toLocaleString(i18n.language),
                size: formatBytes(approximateBytes(size.characters), i18n.language),
              })}
        </p>
      )}
      <button type="button" onClick={() => void clear()}>
        {t('options.clearCache')}
      </button>
      {status && (
        <p role="status" className="status">
          {status}
        </p>
      )}
    </div>
  );
}
