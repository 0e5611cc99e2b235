import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NATIVE_NAMES, type LanguageCode } from '@/utils/language/languages';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import {
  localAvailability,
  startDownload,
  type OnDeviceAvailability,
} from '@/utils/translate/on-device/chrome-on-device';
import { testSample } from '@/utils/translate/provider-test';

/** Availability is a local query; a browser that takes longer than this is treated as not having it. */
export const ON_DEVICE_CHECK_TIMEOUT_MS = 3_000;

type Status = { phase: 'checking' } | { phase: OnDeviceAvailability } | { phase: 'failed'; message: string };

/**
 * Chrome's built-in translator for the pair this reader needs: ready, downloadable (with a button
 * and progress), or not possible here. The download starts from the click, as Chrome requires.
 * Give it `key={reader}` so another reader language starts a fresh check.
 */
export function OnDeviceStatus(props: { reader: LanguageCode; timeoutMs?: number }) {
  const { t } = useTranslation();
  const { from, to } = testSample(props.reader);
  const pair = `${LANGUAGE_NATIVE_NAMES[from]} → ${LANGUAGE_NATIVE_NAMES[to]}`;
  const [status, setStatus] = useState<Status>({ phase: 'checking' });
  const [progress, setProgress] = useState(0);
  const timeoutMs = props.timeoutMs ?? ON_DEVICE_CHECK_TIMEOUT_MS;

  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => alive && setStatus({ phase: 'unavailable' }), timeoutMs);
    localAvailability(from, to).then(
      (phase) => alive && setStatus({ phase }),
      () => alive && setStatus({ phase: 'unavailable' }),
    );
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [from, to, timeoutMs]);

  const download = () => {
    // create() must start inside the click; nothing is awaited before it.
    const done = startDownload(from, to, { onProgress: setProgress });
    setProgress(0);
    setStatus({ phase: 'downloading' });
    done.then(
      (phase) => {
        setStatus({ phase });
        // The background may have given up on the on-device translator while the model was missing.
        if (phase === 'available') void sendMessage('resetProviderHealth', { id: 'chrome-on-device' });
      },
      (error: unknown) =>
        setStatus({
          phase: 'failed',
          message: error instanceof MessageError || error instanceof Error ? error.message : String(error),
        }),
    );
  };

  const percent = Math.round(progress * 100);
  return (
    <div className="subsection on-device" data-on-device={status.phase}>
      <h3>{t('providerSetup.onDevice.title')}</h3>
      <p aria-live="polite">
        {status.phase === 'failed'
          ? t('providerSetup.onDevice.failed', { message: status.message })
          : t(`providerSetup.onDevice.${status.phase}`, { pair, percent })}
      </p>
      {(status.phase === 'downloadable' || status.phase === 'failed') && (
        <button type="button" onClick={download}>
          {t('providerSetup.onDevice.download', { pair })}
        </button>
      )}
      {status.phase === 'downloading' && (
        <progress max={100} value={percent} aria-label={t('providerSetup.onDevice.progress')} />
      )}
    </div>
  );
}
