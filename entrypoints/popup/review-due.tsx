import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/transport/messages';

/** Opens the review session on the options page. */
export function openReview(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/options.html#review') });
}

/** How many review cards are due, and a button to review them. */
export function ReviewDue() {
  const { t } = useTranslation();
  const [due, setDue] = useState<number>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    sendMessage('getDueCount', {}).then(
      (value) => setDue(value.due),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p className="muted">{t('learning.popup.unavailable')}</p>;
  if (due === undefined) return null;
  return (
    <div className="review-due" data-due={due}>
      <span>{due > 0 ? t('learning.popup.due', { count: due }) : t('learning.popup.noneDue')}</span>{' '}
      <button type="button" onClick={() => void openReview().then(() => window.close())}>
        {t('learning.popup.review')}
      </button>
    </div>
  );
}
