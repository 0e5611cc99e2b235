import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '@/components/error-boundary';
import { useSettings } from '@/components/use-settings';
import { OPTIONS_SECTIONS } from './sections';

/** One page of cards with a table of contents; each card is a section from `sections.tsx`. */
export function OptionsApp() {
  const { t } = useTranslation();
  const [settings] = useSettings();
  if (!settings) return <main className="options">{t('common.loading')}</main>;

  return (
    <div className="options-layout">
      <nav className="options-nav" aria-label={t('options.sections')}>
        <h1>{t('options.title')}</h1>
        <ul>
          {OPTIONS_SECTIONS.map(({ id, title }) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="options">
        {OPTIONS_SECTIONS.map(({ id, title, Component }) => (
          <section key={id} id={id} aria-labelledby={`${id}-heading`} className="card">
            <h2 id={`${id}-heading`}>{t(title)}</h2>
            {/* A section that fails shows why and can be reloaded; the others keep working. */}
            <ErrorBoundary>
              <Component />
            </ErrorBoundary>
          </section>
        ))}
      </main>
    </div>
  );
}
