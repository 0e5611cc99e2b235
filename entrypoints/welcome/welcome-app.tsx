import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { useAppearanceStyle } from '@/components/site-sample';
import { SourceScopePicker } from '@/components/source-scope-picker';
import { useSettings } from '@/components/use-settings';
import { LANGUAGES, LANGUAGE_NATIVE_NAMES, type LanguageCode } from '@/utils/language/languages';
import { resolveReaderLanguage } from '@/utils/settings';
import type { Settings, SourceScope } from '@/utils/settings-schema';
import { toggleShortcutFor } from '@/utils/shortcuts';
import { SamplePreview } from './sample-preview';
import { sampleNoteFor } from './sample-note';
import { useSampleTranslation } from './use-sample-translation';

export const XIAOHONGSHU_URL = 'https://www.xiaohongshu.com/explore';

/** First run: the reader's language, which text to translate, and the result on a sample note. */
export function WelcomeApp() {
  const { t } = useTranslation();
  const [settings, update] = useSettings();
  useAppearanceStyle(settings?.appearance);
  const title = t('welcome.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (!settings) return <main className="welcome">{t('common.loading')}</main>;
  return <WelcomeForm settings={settings} update={update} />;
}

type SaveState = { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; reason: string };

function WelcomeForm(props: { settings: Settings; update: (change: Partial<Settings>) => Promise<void> }) {
  const { t } = useTranslation();
  const languageId = useId();
  const initialReader = resolveReaderLanguage(props.settings);
  const [reader, setReader] = useState<LanguageCode>(initialReader);
  const [scope, setScope] = useState<SourceScope>(props.settings.sourceScope);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const note = useMemo(() => sampleNoteFor(reader), [reader]);
  const sample = useSampleTranslation(note, reader, scope);

  const finish = async (openSite: boolean) => {
    setSave({ state: 'saving' });
    try {
      // A reader who kept the browser's language keeps following it.
      const readerLanguage =
        props.settings.readerLanguage === 'auto' && reader === initialReader ? 'auto' : reader;
      await props.update({ readerLanguage, sourceScope: scope, onboarded: true });
      setSave({ state: 'saved' });
      if (openSite) {
        location.assign(XIAOHONGSHU_URL);
      } else {
        const tab = await browser.tabs.getCurrent().catch(() => undefined);
        if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
        else window.close();
      }
    } catch (error) {
      setSave({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const failureReason =
    sample.status === 'error'
      ? t(`overlay.reasons.${sample.kind}`, { defaultValue: sample.message })
      : undefined;

  return (
    <main className="welcome">
      <header className="welcome-header">
        <h1>{t('welcome.title')}</h1>
        <p>{t('welcome.intro')}</p>
      </header>

      <div className="welcome-columns">
        <section className="card welcome-questions" aria-labelledby={`${languageId}-questions`}>
          <h2 id={`${languageId}-questions`} className="visually-hidden">
            {t('welcome.questionsHeading')}
          </h2>
          <div className="field">
            <label className="field-label" htmlFor={languageId}>
              {t('welcome.readerLanguage')}
            </label>
            <select
              id={languageId}
              value={reader}
              aria-describedby={`${languageId}-help`}
              onChange={(event) => setReader(event.target.value as LanguageCode)}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NATIVE_NAMES[code]}
                </option>
              ))}
            </select>
            <span id={`${languageId}-help`} className="muted">
              {t('welcome.readerLanguageHelp')}
            </span>
          </div>

          <SourceScopePicker value={scope} reader={reader} onChange={setScope} />

          <p className="muted">{t('welcome.tip', { keys: toggleShortcutFor(import.meta.env.BROWSER) })}</p>

          <div className="welcome-actions">
            <button type="button" onClick={() => void finish(false)} disabled={save.state === 'saving'}>
              {t('welcome.done')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void finish(true)}
              disabled={save.state === 'saving'}
            >
              {t('welcome.doneAndOpen')}
            </button>
          </div>
          <p role="status" className="status">
            {save.state === 'saving' && t('welcome.saving')}
            {save.state === 'saved' && t('welcome.saved')}
            {save.state === 'failed' && t('welcome.saveFailed', { reason: save.reason })}
          </p>
        </section>

        <section className="welcome-sample" aria-labelledby={`${languageId}-sample`}>
          <h2 id={`${languageId}-sample`}>{t('welcome.sampleHeading')}</h2>
          <p className="muted">{t('welcome.sampleHelp')}</p>
          {sample.status === 'pending' && (
            <p className="visually-hidden" role="status">
              {t('welcome.translating')}
            </p>
          )}
          {sample.status === 'error' && (
            <div className="notice welcome-error" role="alert">
              <p>{t('welcome.failed', { reason: failureReason })}</p>
              <button type="button" className="secondary" onClick={sample.retry}>
                {t('welcome.retry')}
              </button>
            </div>
          )}
          <SamplePreview note={note} reader={reader} state={sample} />
        </section>
      </div>
    </main>
  );
}
