import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '@/utils/language/languages';
import type { BackState, QuickFailure } from './use-quick-translation';

/**
 * Selects the element's text, so the reader can copy it by hand when the clipboard refuses. Focus
 * goes there first (a keyboard reader copies from where they are), as focusing may drop a selection.
 */
function selectText(element: HTMLElement): void {
  element.focus();
  element.ownerDocument.getSelection()?.selectAllChildren(element);
}

/** The translation with its Copy button, and what it says in the reader's language. */
export function QuickTranslateOutput(props: {
  translation: string;
  to: LanguageCode;
  reader: LanguageCode;
  back: BackState;
  reason: (failure: QuickFailure) => string;
  onCopied: (note: 'copied' | 'manual') => void;
}) {
  const { t } = useTranslation();
  const result = useRef<HTMLElement>(null);
  const { back } = props;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.translation);
      props.onCopied('copied');
    } catch {
      if (result.current) selectText(result.current);
      props.onCopied('manual');
    }
  };

  return (
    <div className="quick-output">
      <dl>
        <dt>{t('compose.quick.result')}</dt>
        <dd ref={result} lang={props.to} tabIndex={-1} data-rb-quick-result="">
          {props.translation}
        </dd>
        {back.kind !== 'none' && <dt>{t('compose.quick.back')}</dt>}
        {back.kind === 'busy' && <dd className="muted">{t('compose.backBusy')}</dd>}
        {back.kind === 'failed' && (
          <dd className="muted">{t('compose.backFailed', { message: props.reason(back.failure) })}</dd>
        )}
        {back.kind === 'done' && (
          <dd lang={props.reader} data-rb-quick-back="">
            {back.text}
          </dd>
        )}
      </dl>
      <div className="quick-output-actions">
        <button type="button" className="secondary" onClick={() => void copy()}>
          {t('compose.quick.copy')}
        </button>
      </div>
    </div>
  );
}
