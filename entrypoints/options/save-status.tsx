import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './use-provider-save';

/** The outcome of a provider form's Save, announced to screen readers. */
export function SaveStatusLine({ status }: { status: SaveStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" className="provider-save-status">
      {status && (
        <>
          <span className={status.tone}>{status.text}</span>
          {status.details && (
            <span className="muted details">{t('providerSetup.details', { message: status.details })}</span>
          )}
        </>
      )}
    </div>
  );
}
