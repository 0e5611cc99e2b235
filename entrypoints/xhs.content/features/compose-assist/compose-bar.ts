import {
  LANGUAGES,
  LANGUAGE_NATIVE_NAMES,
  type LanguageCode,
  type SourceLanguage,
} from '@/utils/language/languages';
import { readerOnly } from '@/utils/overlay/trusted-events';
import { COMPOSE_CSS } from './compose-style';

export interface ComposeBarLabels {
  mark: string;
  translateTo: (language: string) => string;
  target: string;
  shortcut: string;
  busy: string;
  backLabel: string;
  backBusy: string;
  backFailed: (message: string) => string;
  undo: string;
  retry: string;
  failed: (message: string) => string;
  alreadyIn: (language: string) => string;
  changed: string;
  /** Name of the draft's language, or of "any language" when it has no words yet. */
  anyLanguage: string;
}

export interface ComposeBarActions {
  translate(): void;
  undo(): void;
  chooseTarget(language: LanguageCode): void;
}

export type ComposeBarState =
  | { kind: 'ready' }
  | { kind: 'busy' }
  | { kind: 'translated'; back?: string; backFailed?: string }
  | { kind: 'failed'; message: string; retry: boolean };

export const SHORTCUT = 'Alt+Enter';

function create<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  return node;
}

/**
 * The bar shown with the site's comment editor: the direction, "Translate to 中文", and once
 * translated the draft read back in the reader's language with Undo. Built once and updated in
 * place, so keyboard focus stays on the control the reader is on. Every text goes in with
 * `textContent`; buttons answer the reader's own clicks and keys only.
 *
 * The shadow root is open, as the page's DOM contract asks of what RedBridge injects: it holds
 * nothing the page does not have, since the translation goes into the site's editor anyway.
 */
export class ComposeBar {
  readonly host: HTMLElement;
  private readonly source: HTMLElement;
  private readonly target: HTMLSelectElement;
  private readonly translateButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly back: HTMLElement;
  private readonly backLabel: HTMLElement;
  private readonly backText: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly retryButton: HTMLButtonElement;
  private readonly mark: HTMLElement;
  private state: ComposeBarState = { kind: 'ready' };
  private to: LanguageCode = 'zh-CN';
  private from: SourceLanguage = 'auto';
  private reader: LanguageCode = 'en';
  private empty = true;
  private undoable = false;

  constructor(
    private readonly doc: Document,
    private labels: ComposeBarLabels,
    actions: ComposeBarActions,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute('data-rb-compose', '');
    // Selecting in the bar must not bring up the site's search pop-up.
    this.host.setAttribute('selected-disabled-search', '');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = create(doc, 'style');
    style.textContent = COMPOSE_CSS;
    const bar = create(doc, 'div', 'bar');
    bar.setAttribute('role', 'group');

    this.mark = create(doc, 'span', 'mark');
    const direction = create(doc, 'span', 'direction');
    this.source = create(doc, 'span');
    this.target = create(doc, 'select');
    this.target.setAttribute('data-rb-compose-target', '');
    for (const language of LANGUAGES) {
      const option = create(doc, 'option');
      option.value = language;
      option.textContent = LANGUAGE_NATIVE_NAMES[language];
      this.target.append(option);
    }
    direction.append(this.source, doc.createTextNode('→'), this.target);

    this.translateButton = create(doc, 'button', 'primary');
    this.translateButton.type = 'button';
    this.translateButton.setAttribute('data-rb-compose-action', 'translate');
    this.translateButton.setAttribute('aria-keyshortcuts', SHORTCUT);
    const shortcut = create(doc, 'kbd');
    shortcut.textContent = SHORTCUT;
    this.status = create(doc, 'span', 'status');
    this.status.setAttribute('role', 'status');
    this.retryButton = create(doc, 'button');
    this.retryButton.type = 'button';
    this.retryButton.setAttribute('data-rb-compose-action', 'retry');
    this.undoButton = create(doc, 'button');
    this.undoButton.type = 'button';
    this.undoButton.setAttribute('data-rb-compose-action', 'undo');

    this.back = create(doc, 'div', 'back');
    this.backLabel = create(doc, 'span', 'back-label');
    this.backText = create(doc, 'span', 'back-text');
    this.backText.setAttribute('data-rb-compose-back', '');
    this.back.append(this.backLabel, this.backText);

    bar.append(
      this.mark,
      direction,
      this.translateButton,
      shortcut,
      this.status,
      this.retryButton,
      this.undoButton,
      this.back,
    );
    root.append(style, bar);

    this.translateButton.addEventListener(
      'click',
      readerOnly(() => actions.translate()),
    );
    this.retryButton.addEventListener(
      'click',
      readerOnly(() => actions.translate()),
    );
    this.undoButton.addEventListener(
      'click',
      readerOnly(() => actions.undo()),
    );
    this.target.addEventListener(
      'change',
      readerOnly(() => actions.chooseTarget(this.target.value as LanguageCode)),
    );
    this.render();
  }

  setLabels(labels: ComposeBarLabels): void {
    this.labels = labels;
    this.render();
  }

  /** The direction the next translation takes, and whether there is a draft to translate. */
  setDirection(from: SourceLanguage, to: LanguageCode, reader: LanguageCode, empty: boolean): void {
    this.from = from;
    this.to = to;
    this.reader = reader;
    this.empty = empty;
    this.render();
  }

  /** Whether the editor holds a translation that Undo can take back to the reader's words. */
  setUndoable(undoable: boolean): void {
    this.undoable = undoable;
    this.render();
  }

  setState(state: ComposeBarState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const { labels, state } = this;
    const targetName = LANGUAGE_NATIVE_NAMES[this.to];
    this.mark.textContent = labels.mark;
    this.source.textContent = this.from === 'auto' ? labels.anyLanguage : LANGUAGE_NATIVE_NAMES[this.from];
    this.target.value = this.to;
    this.target.setAttribute('aria-label', labels.target);
    this.translateButton.textContent = labels.translateTo(targetName);
    this.translateButton.title = `${labels.shortcut}: ${SHORTCUT}`;
    this.translateButton.disabled = this.empty || state.kind === 'busy';
    this.retryButton.textContent = labels.retry;
    this.undoButton.textContent = labels.undo;
    this.backLabel.textContent = labels.backLabel;
    this.backText.lang = this.reader;

    this.status.classList.toggle('error', state.kind === 'failed');
    this.status.textContent =
      state.kind === 'busy' ? labels.busy : state.kind === 'failed' ? state.message : '';
    this.retryButton.hidden = !(state.kind === 'failed' && state.retry);
    this.undoButton.hidden = !this.undoable || state.kind === 'busy';
    this.back.hidden = state.kind !== 'translated';
    if (state.kind === 'translated') {
      this.backText.textContent = state.backFailed
        ? labels.backFailed(state.backFailed)
        : (state.back ?? labels.backBusy);
    }
  }

  remove(): void {
    this.host.remove();
  }
}
