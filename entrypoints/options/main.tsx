import { createRoot } from 'react-dom/client';
import { I18nRoot } from '@/components/i18n-root';
import '@/components/ui.css';
import { OptionsApp } from './options-app';

createRoot(document.getElementById('root')!).render(
  <I18nRoot>
    <OptionsApp />
  </I18nRoot>,
);
