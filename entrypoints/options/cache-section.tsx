import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageError, sendMessage } from '@/utils/messages';

/** Clears the persistent translation cache kept by the background. */
export function CacheSection() {
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
    <section aria-labelledby="cache-heading" className="card">
      <h2 id="cache-heading">{t('options.cacheTitle')}</h2>
      <p className="muted">{t('options.cacheHelp')}</p>
      <button type="button" onClick={() => void clear()}>
        {t('options.clearCache')}
      </button>
      {status && (
        <p role="status" className="status">
          {status}
        </p>
      )}
    </section>
  );
}
