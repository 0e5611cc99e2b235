import { createRoot } from 'react-dom/client';
import { I18nRoot } from '@/components/i18n-root';
import '@/components/ui.css';
import { PopupApp } from './popup-app';

createRoot(document.getElementById('root')!).render(
  <I18nRoot>
    <PopupApp />
  </I18nRoot>,
);
