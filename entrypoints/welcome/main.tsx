import { createRoot } from 'react-dom/client';
import { I18nRoot } from '@/components/i18n-root';
import '@/components/ui.css';
import './welcome.css';
import { WelcomeApp } from './welcome-app';

createRoot(document.getElementById('root')!).render(
  <I18nRoot>
    <WelcomeApp />
  </I18nRoot>,
);
