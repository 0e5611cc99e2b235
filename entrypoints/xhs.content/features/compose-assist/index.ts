import type { i18n } from 'i18next';
import { replyLanguage } from '@/utils/compose/compose-direction';
import { resolveReaderLanguage } from '@/utils/settings';
import { readerOnly } from '@/utils/overlay/trusted-events';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import {
  COMPOSE_KEPT_SELECTOR,
  answeredText,
  findComposeEditors,
  replyTargetOf,
  startsNewComment,
  type ComposeEditor,
} from '@/utils/xhs/compose';
import { siteEnabled, type PageFeature } from '../feature';
import { ComposeBar, type ComposeBarLabels } from './compose-bar';
import { ComposeSession } from './compose-session';
import { InsertionError } from './draft-writer';
import { ContentEditableField, TextAreaField } from './editor-field';

function barLabels(i18n: i18n): ComposeBarLabels {
  const t = (key: string, options?: Record<string, string>) => i18n.t(`compose.${key}`, options);
  return {
    mark: t('mark'),
    translateTo: (language) => t('translateTo', { language }),
    target: t('target'),
    shortcut: t('shortcut'),
    busy: t('busy'),
    backLabel: t('backLabel'),
    backBusy: t('backBusy'),
    backFailed: (message) => t('backFailed', { message }),
    undo: t('undo'),
    retry: t('retry'),
    failed: (message) => t('failed', { message }),
    alreadyIn: (language) => t('alreadyIn', { language }),
    changed: t('changed'),
    anyLanguage: t('anyLanguage'),
  };
}

/** The site has re-rendered from its model by the time the next frame is drawn. */
function nextFrame(view: Window): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    view.requestAnimationFrame(done);
    // A page in the background draws no frames.
    setTimeout(resolve, 100);
  });
}

/**
 * Compose assist: a bar with the site's comment editor that translates what the reader wrote into
 * the language of what they answer, through the editor's own input path, and reads it back.
 * A session starts when the reader focuses an editor; the bar goes with the editor.
 */
export const composeAssist: PageFeature = {
  name: 'compose-assist',
  enabled: (settings, page) => siteEnabled(settings, page) && settings.compose.assist,
  start({ doc, settings, i18n, signal }) {
    const view = doc.defaultView!;
    const sessions = new Map<HTMLElement, { session: ComposeSession; bar: ComposeBar }>();
    let replyingTo: Element | undefined;
    let labels = barLabels(i18n);
    // Read when shown, so a session started before the interface language changed follows it.
    const messages = {
      alreadyIn: (language: string) => labels.alreadyIn(language),
      changed: () => labels.changed,
      failed: (reason: string) => labels.failed(reason),
    };

    /** Why a translation failed, in words the reader can act on. */
    const describe = (error: unknown) => {
      if (error instanceof InsertionError) return i18n.t('compose.notTaken');
      const kind = error instanceof MessageError ? error.failure.kind : 'internal';
      if (i18n.exists(`overlay.reasons.${kind}`)) return i18n.t(`overlay.reasons.${kind}`);
      return error instanceof Error ? error.message : String(error);
    };

    const attach = (editor: ComposeEditor) => {
      const field =
        editor.kind === 'textarea'
          ? new TextAreaField(editor.element as HTMLTextAreaElement)
          : new ContentEditableField(editor.element, COMPOSE_KEPT_SELECTOR);
      // The bar's buttons call the session it belongs to, made right after it.
      const bar = new ComposeBar(doc, labels, {
        translate: () => void session.translate(),
        undo: () => void session.undo(),
        chooseTarget: (language) => session.chooseTarget(language),
      });
      const session = new ComposeSession({
        field,
        bar,
        reader: () => resolveReaderLanguage(settings()),
        register: () => settings().compose.register,
        replyLanguage: () =>
          replyLanguage(answeredText(editor.element, replyingTo), resolveReaderLanguage(settings())),
        translate: (request) => sendMessage('translateWriting', request),
        settle: () => nextFrame(view),
        describe,
        messages,
      });
      editor.placeBar(bar.host);
      sessions.set(editor.element, { session, bar });
      session.refresh();
    };

    const forget = () => {
      for (const [element, { bar }] of sessions) {
        if (element.isConnected) continue;
        bar.remove();
        sessions.delete(element);
      }
    };

    const consider = (target: EventTarget | null) => {
      forget();
      if (!(target instanceof view.HTMLElement) || sessions.has(target)) return;
      const editor = findComposeEditors(target.parentElement ?? doc).find(
        ({ element }) => element === target,
      );
      if (editor) attach(editor);
    };
    const onFocus = (event: FocusEvent) => consider(event.target);
    const onInput = (event: Event) => {
      sessions.get(event.target as HTMLElement)?.session.refresh();
    };
    const onClick = (event: MouseEvent) => {
      const comment = replyTargetOf(event.target);
      if (!comment && !startsNewComment(event.target)) return;
      replyingTo = comment;
      for (const { session } of sessions.values()) session.replyChanged();
    };
    const onKey = readerOnly((event: KeyboardEvent) => {
      if (!(event.altKey && event.key === 'Enter')) return;
      const entry = sessions.get(event.target as HTMLElement);
      if (!entry) return;
      // Enter alone may post the comment; with Alt it is ours, and the site never sees it.
      event.preventDefault();
      event.stopImmediatePropagation();
      void entry.session.translate();
    });

    const options = { capture: true, signal };
    doc.addEventListener('focusin', onFocus, options);
    doc.addEventListener('input', onInput, options);
    doc.addEventListener('click', onClick, options);
    doc.addEventListener('keydown', onKey, options);
    // An editor already focused when RedBridge starts (switched on mid-draft) gets its bar now.
    consider(doc.activeElement);

    const relabel = () => {
      labels = barLabels(i18n);
      for (const { bar } of sessions.values()) bar.setLabels(labels);
    };
    i18n.on('languageChanged', relabel);
    signal.addEventListener('abort', () => {
      i18n.off('languageChanged', relabel);
      for (const { bar } of sessions.values()) bar.remove();
      sessions.clear();
    });
    return {
      onSettings: () => {
        for (const { session } of sessions.values()) session.refresh();
      },
      onNavigate: () => {
        replyingTo = undefined;
        forget();
      },
    };
  },
};
