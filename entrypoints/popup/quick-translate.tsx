import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { replyLanguage } from '@/utils/compose/compose-direction';
import { LANGUAGES, LANGUAGE_NATIVE_NAMES, type LanguageCode } from '@/utils/language/languages';
import type { ProviderId, WritingRegister } from '@/utils/translate/types';
import { MAX_DRAFT_CHARS } from '@/utils/transport/message-rules';
import { loadQuickDraft, saveQuickDraft, type QuickDraft } from './quick-draft-store';
import { quickPlan } from './quick-translation';
import { QuickTranslateOutput } from './quick-translate-output';
import { useQuickTranslation, type QuickFailure, type QuickState } from './use-quick-translation';
import './quick-translate.css';

/** How long "Copied" stays on the status line. */
const COPIED_NOTE_MS = 2_000;

type CopyNote = 'copied' | 'manual' | undefined;

/**
 * The popup's quick translate box: text the reader will post elsewhere (a note, a message),
 * translated as the compose bar on the site does it, read back in their language, ready to copy.
 */
export function QuickTranslate(props: { reader: LanguageCode; register: WritingRegister }) {
  const [draft, setDraft] = useState<QuickDraft>();
  useEffect(() => {
    let alive = true;
    void loadQuickDraft().then((loaded) => alive && setDraft(loaded));
    return () => {
      alive = false;
    };
  }, []);
  // The box waits for the saved draft, so nothing typed meanwhile is overwritten by it.
  if (!draft) return null;
  return <QuickTranslateBox {...props} initial={draft} />;
}

function QuickTranslateBox(props: { reader: LanguageCode; register: WritingRegister; initial: QuickDraft }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(props.initial);
  // A draft left from the last time the popup was open is shown at once.
  const [open, setOpen] = useState(props.initial.text !== '');
  const [copyNote, setCopyNote] = useState<CopyNote>();
  const target = draft.target ?? replyLanguage(undefined, props.reader);
  const { state, translate } = useQuickTranslation({
    text: draft.text,
    to: target,
    reader: props.reader,
    register: props.register,
  });

  useEffect(() => {
    if (copyNote !== 'copied') return;
    const timer = setTimeout(() => setCopyNote(undefined), COPIED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [copyNote]);

  const change = (next: QuickDraft) => {
    setDraft(next);
    setCopyNote(undefined);
    void saveQuickDraft(next);
  };
  const start = (retryProvider?: ProviderId) => {
    setCopyNote(undefined);
    void translate(retryProvider);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (state.kind !== 'busy') start();
  };
  const reason = (failure: QuickFailure) => {
    const key = `overlay.reasons.${failure.kind}`;
    return i18n.exists(key) ? t(key) : failure.message;
  };

  return (
    <details className="quick-translate" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('compose.quick.title')}</summary>
      <div className="quick-translate-body">
        <p className="muted" id={`${id}-help`}>
          {t('compose.quick.help')} {t('compose.quick.keys')}
        </p>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-text`}>
            {t('compose.quick.input')}
          </label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={MAX_DRAFT_CHARS}
            value={draft.text}
            aria-describedby={`${id}-help`}
            onChange={(event) => change({ ...draft, text: event.target.value })}
            onKeyDown={onKeyDown}
          />
        </div>
        <div className="quick-actions">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-target`}>
              {t('compose.quick.target')}
            </label>
            <select
              id={`${id}-target`}
              value={target}
              onChange={(event) => change({ ...draft, target: event.target.value as LanguageCode })}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NATIVE_NAMES[code]}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() => start()}
            disabled={state.kind === 'busy' || quickPlan(draft.text, target) === 'nothing'}
          >
            {t('compose.quick.translate')}
          </button>
        </div>
        <div className="quick-status">
          <p className="status" role="status" aria-live="polite">
            {statusText(state, copyNote, t, reason)}
          </p>
          {state.kind === 'failed' && (
            <button type="button" className="secondary" onClick={() => start(state.provider)}>
              {t('compose.retry')}
            </button>
          )}
        </div>
        {/* Always there, so a screen reader announces the translation when it arrives. */}
        <div aria-live="polite">
          {state.kind === 'done' && (
            <QuickTranslateOutput
              translation={state.translation}
              to={state.to}
              reader={props.reader}
              back={state.back}
              reason={reason}
              onCopied={setCopyNote}
            />
          )}
        </div>
      </div>
    </details>
  );
}

function statusText(
  state: QuickState,
  copyNote: CopyNote,
  t: (key: string, options?: Record<string, string>) => string,
  reason: (failure: QuickFailure) => string,
): string {
  switch (state.kind) {
    case 'busy':
      return t('compose.busy');
    case 'already-in':
      return t('compose.alreadyIn', { language: LANGUAGE_NATIVE_NAMES[state.language] });
    case 'failed':
      return t('compose.failed', { message: reason(state.failure) });
    case 'done':
      if (copyNote === 'copied') return t('compose.quick.copied');
      if (copyNote === 'manual') return t('compose.quick.copyFailed');
      return '';
    default:
      return '';
  }
}
