import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import './shortcuts-section.css';

export interface ShortcutView {
  name: string;
  shortcut: string;
  description: string;
}

type Loaded = { state: 'loading' } | { state: 'ready'; commands: ShortcutView[] } | { state: 'unavailable' };

/** Chromium browsers list every extension's keys on one page; Firefox has no URL for it. */
export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

export function isFirefox(userAgent = navigator.userAgent): boolean {
  return /\bFirefox\//.test(userAgent);
}

const POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** The keyboard shortcuts as the browser has them now, how to change them, and the welcome page. */
export function ShortcutsSection() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const firefox = isFirefox();

  useEffect(() => {
    let alive = true;
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then(
        (commands) =>
          alive &&
          setLoaded({
            state: 'ready',
            commands: commands.map((command) => ({
              name: command.name ?? '',
              shortcut: command.shortcut ?? '',
              description: command.description ?? '',
            })),
          }),
        () => alive && setLoaded({ state: 'unavailable' }),
      );
    return () => {
      alive = false;
    };
  }, []);

  const describe = (command: ShortcutView) =>
    POPUP_COMMANDS.has(command.name)
      ? t('shortcuts.commands.openPopup')
      : t(`shortcuts.commands.${command.name}`, { defaultValue: command.description || command.name });

  return (
    <>
      <div className="subsection">
        <h3>{t('shortcuts.heading')}</h3>
        {loaded.state === 'loading' && <p className="muted">{t('shortcuts.loading')}</p>}
        {loaded.state === 'unavailable' && <p className="notice">{t('shortcuts.unavailable')}</p>}
        {loaded.state === 'ready' && (
          <dl className="shortcut-list">
            {loaded.commands.map((command) => (
              <div key={command.name} className="shortcut-row">
                <dt>{describe(command)}</dt>
                <dd>
                  {command.shortcut ? (
                    <kbd>{command.shortcut}</kbd>
                  ) : (
                    <span className="muted">{t('shortcuts.notSet')}</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {firefox ? (
          <p>{t('shortcuts.changeHelpFirefox')}</p>
        ) : (
          <div className="shortcut-change">
            <button
              type="button"
              aria-describedby="shortcuts-change-help"
              onClick={() => void browser.tabs.create({ url: CHROME_SHORTCUTS_URL })}
            >
              {t('shortcuts.change')}
            </button>
            <p id="shortcuts-change-help" className="muted">
              {t('shortcuts.changeHelpChrome')}
            </p>
          </div>
        )}
      </div>
      <div className="subsection">
        <h3>{t('shortcuts.gettingStarted')}</h3>
        <p className="muted">{t('shortcuts.openWelcomeHelp')}</p>
        <p>
          <a href="/welcome.html" target="_blank" rel="noopener">
            {t('shortcuts.openWelcome')}
          </a>
        </p>
      </div>
    </>
  );
}
