import { useTranslation } from 'react-i18next';

/** What RedBridge sends where, in plain words. */
export function AboutSection() {
  const { t } = useTranslation();
  return <p>{t('options.privacy')}</p>;
}
