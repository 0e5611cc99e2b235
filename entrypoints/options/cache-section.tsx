import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageError, sendMessage } from '@/utils/messages';

/** Clears the persistent translation cache kept by the background. */
export function CacheControls() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const clear = async () => {
    try {
      const { removed } = await sendMessage('clearCache', {});
      setStatus(t('options.cacheCleared', { count: removed }));
    } catch (error) {
      setStatus(error instanceof MessageError ? error.message : String(error));
    }
  };
  return (
    <div className="subsection">
      <h3>{t('options.cacheTitle')}</h3>
      <p className="muted">{t('options.cacheHelp')}</p>
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
