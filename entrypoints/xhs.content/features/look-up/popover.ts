import type { LookUpResult } from '@/utils/learning/protocol';
import type { TermExplanation } from '@/utils/translate/types';
import { readerOnly } from '@/utils/overlay/trusted-events';
import { POPOVER_CSS } from './popover-style';

export interface PopoverLabels {
  label: string;
  loading: string;
  failed: (message: string) => string;
  translation: string;
  sentence: string;
  words: string;
  noTranslation: (message: string) => string;
  save: string;
  saved: string;
  merged: string;
  close: string;
  credit: string;
  explain: string;
  explaining: string;
  explanation: string;
  aiGenerated: string;
  literal: string;
  origin: string;
  keep: string;
  kept: string;
  explainFailed: (message: string) => string;
}

/** What the popover can do with a term the reader's language model explains. */
export interface ExplainActions {
  explain(): Promise<TermExplanation>;
  /** How to keep the explanation as a term of the reader's own glossary, when it can be kept. */
  keeping(explanation: TermExplanation): (() => Promise<void>) | undefined;
}

export interface Anchor {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Most words listed, and readings per word: enough for a phrase, short enough to read at a glance. */
const MAX_WORDS = 8;
const MAX_SENSES = 2;

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The look-up popover: its own host element with a shadow root at the end of the document, placed
 * next to the selection (below it, where the site's search pop-up does not go; above it when there
 * is no room). Every text goes in with `textContent`. The host carries `selected-disabled-search`
 * so selecting inside it never brings up the site's pop-up.
 *
 * The shadow root is closed and kept here alone: what the reader looks up, and whether it is in
 * their phrasebook already, is theirs, and the page's scripts would otherwise read it through
 * `host.shadowRoot`. Its buttons answer the reader's clicks only.
 */
export class LookUpPopover {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly panel: HTMLElement;
  private onClose: () => void = () => {};
  private anchor: Anchor = { top: 0, bottom: 0, left: 0, right: 0 };
  private returnFocus: HTMLElement | undefined;

  constructor(
    private readonly doc: Document,
    private labels: PopoverLabels,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute('data-rb-lookup', '');
    this.host.setAttribute('selected-disabled-search', '');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = POPOVER_CSS;
    this.panel = element(doc, 'div', 'panel');
    this.panel.setAttribute('role', 'dialog');
    this.root.append(style, this.panel);
  }

  setLabels(labels: PopoverLabels): void {
    this.labels = labels;
  }

  get isOpen(): boolean {
    return this.host.isConnected;
  }

  /** Shows the popover near `anchor` with a loading line; `onClose` runs when it closes. */
  open(anchor: Anchor, text: string, onClose: () => void): void {
    this.onClose = onClose;
    this.panel.setAttribute('aria-label', `${this.labels.label}: ${text}`);
    this.panel.replaceChildren(this.header(text), element(this.doc, 'p', 'muted', this.labels.loading));
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    // The site's dark theme is an attribute on <html>; the shadow root cannot see it, so it is copied.
    this.host.toggleAttribute('dark', this.doc.documentElement.hasAttribute('dark'));
    this.anchor = anchor;
    this.place();
  }

  /** Places the open popover next to `anchor` again (its text moved). */
  moveTo(anchor: Anchor): void {
    this.anchor = anchor;
    this.place();
  }

  close(): void {
    if (!this.host.isConnected) return;
    const hadFocus = this.root.activeElement != null;
    this.host.remove();
    // Keyboard readers go back to where they were before the popover took focus.
    if (hadFocus) this.returnFocus?.focus();
    this.returnFocus = undefined;
    this.onClose();
  }

  /** Lets the pointer reach (and hit-test) the page beneath the popover, or takes it back. */
  letPointerThrough(through: boolean): void {
    const value = through ? 'none' : '';
    if (this.host.style.pointerEvents !== value) this.host.style.pointerEvents = value;
  }

  contains(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node));
  }

  showError(text: string, message: string): void {
    this.panel.replaceChildren(
      this.header(text),
      element(this.doc, 'p', 'error', this.labels.failed(message)),
    );
  }

  /**
   * Fills the popover with a look-up's answer; `save` runs when the reader presses Save, and
   * `explaining`, when given, offers Explain.
   */
  showResult(
    result: LookUpResult,
    save: () => Promise<'created' | 'merged'>,
    explaining?: ExplainActions,
  ): void {
    const doc = this.doc;
    const parts: HTMLElement[] = [this.header(result.text)];
    if (result.dictionary?.pinyin) parts.push(element(doc, 'p', 'pinyin', result.dictionary.pinyin));

    parts.push(element(doc, 'h3', undefined, this.labels.translation));
    const translation = result.translation
      ? element(doc, 'p', 'translation', result.translation)
      : element(doc, 'p', 'muted', this.labels.noTranslation(result.translationError ?? ''));
    translation.lang = result.translatedTo;
    parts.push(translation);

    const words = (result.dictionary?.words ?? [])
      .filter((word) => word.senses.length > 0)
      .slice(0, MAX_WORDS);
    if (words.length > 0) {
      parts.push(element(doc, 'h3', undefined, this.labels.words));
      const list = element(doc, 'ul', 'words');
      for (const word of words) {
        for (const sense of word.senses.slice(0, MAX_SENSES)) {
          const item = element(doc, 'li', 'sense');
          item.dataset.word = word.word;
          item.append(
            element(doc, 'span', 'word', word.word),
            element(doc, 'span', 'sense-pinyin', sense.pinyin),
            element(doc, 'span', 'definitions', sense.definitions.join('; ')),
          );
          list.append(item);
        }
      }
      parts.push(list);
    }

    if (result.sentenceTranslation) {
      parts.push(element(doc, 'h3', undefined, this.labels.sentence));
      const sentence = element(doc, 'p', 'sentence-translation', result.sentenceTranslation);
      sentence.lang = result.translatedTo;
      parts.push(sentence);
    }

    const actions = element(doc, 'div', 'actions');
    const status = element(doc, 'span', 'muted status');
    status.setAttribute('role', 'status');
    const saveButton = this.actionButton('save', this.labels.save, status, async () =>
      (await save()) === 'created' ? this.labels.saved : this.labels.merged,
    );
    actions.append(saveButton);
    const explanation = element(doc, 'section', 'explanation');
    explanation.hidden = true;
    if (explaining && result.explainIn) {
      const explainButton = element(doc, 'button', 'explain', this.labels.explain);
      explainButton.type = 'button';
      explainButton.addEventListener(
        'click',
        readerOnly(() => {
          explainButton.disabled = true;
          void this.explain(explanation, explaining, result.explainIn!);
        }),
      );
      actions.append(explainButton);
    }
    actions.append(status);
    parts.push(actions, explanation);
    if (result.dictionary) parts.push(element(doc, 'p', 'muted credit', this.labels.credit));
    this.panel.replaceChildren(...parts);
    this.place();
  }

  /** Asks for the explanation and shows it, marked as written by a language model, with Keep. */
  private async explain(section: HTMLElement, actions: ExplainActions, lang: string): Promise<void> {
    const doc = this.doc;
    section.hidden = false;
    section.replaceChildren(element(doc, 'p', 'muted', this.labels.explaining));
    this.place();
    let explanation: TermExplanation;
    try {
      explanation = await actions.explain();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      section.replaceChildren(element(doc, 'p', 'error', this.labels.explainFailed(message)));
      return;
    }
    const heading = element(doc, 'h3', undefined, this.labels.explanation);
    heading.append(' ', element(doc, 'span', 'ai-badge', this.labels.aiGenerated));
    const body = element(doc, 'div', 'explanation-body');
    body.lang = lang;
    body.setAttribute('data-rb-ai-explanation', '');
    body.append(element(doc, 'p', 'meaning', explanation.meaning));
    if (explanation.literal)
      body.append(element(doc, 'p', 'literal', `${this.labels.literal}: ${explanation.literal}`));
    if (explanation.origin)
      body.append(element(doc, 'p', 'origin', `${this.labels.origin}: ${explanation.origin}`));
    section.replaceChildren(heading, body);
    const keepIt = actions.keeping(explanation);
    if (keepIt) {
      const kept = element(doc, 'span', 'muted');
      kept.setAttribute('role', 'status');
      const keep = this.actionButton('keep', this.labels.keep, kept, async () => {
        await keepIt();
        return this.labels.kept;
      });
      const row = element(doc, 'div', 'actions');
      row.append(keep, kept);
      section.append(row);
    }
    this.place();
  }

  /**
   * A button that runs `run` at the reader's click, once unless it fails, and says in `status` how
   * it went: what `run` answers, or why it failed.
   */
  private actionButton(
    className: string,
    label: string,
    status: HTMLElement,
    run: () => Promise<string>,
  ): HTMLButtonElement {
    const button = element(this.doc, 'button', className, label);
    button.type = 'button';
    button.addEventListener(
      'click',
      readerOnly(() => {
        button.disabled = true;
        run().then(
          (said) => {
            status.textContent = said;
          },
          (error: unknown) => {
            button.disabled = false;
            status.textContent = this.labels.failed(error instanceof Error ? error.message : String(error));
          },
        );
      }),
    );
    return button;
  }

  /** Moves keyboard focus to the Save button (or Close while loading), for keyboard readers. */
  focus(): void {
    const active = this.doc.activeElement;
    this.returnFocus = active instanceof HTMLElement && active !== this.doc.body ? active : undefined;
    const target =
      this.panel.querySelector<HTMLButtonElement>('button.save') ?? this.panel.querySelector('button');
    target?.focus();
  }

  private header(text: string): HTMLElement {
    const head = element(this.doc, 'div', 'head');
    const close = element(this.doc, 'button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', this.labels.close);
    close.addEventListener(
      'click',
      readerOnly(() => this.close()),
    );
    head.append(element(this.doc, 'div', 'phrase', text), close);
    return head;
  }

  private place(): void {
    const anchor = this.anchor;
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const panelHeight = Math.min(this.panel.offsetHeight || 240, height - 16);
    const below = anchor.bottom + 8;
    const top = below + panelHeight <= height - 8 ? below : Math.max(8, anchor.top - 8 - panelHeight);
    const left = Math.min(Math.max(8, anchor.left), Math.max(8, width - 368));
    this.panel.style.top = `${Math.round(top)}px`;
    this.panel.style.left = `${Math.round(left)}px`;
  }
}
