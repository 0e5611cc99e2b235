import { draftLanguage } from '@/utils/compose/compose-direction';
import { planDraft } from '@/utils/compose/draft-pieces';
import { translateDraft, type TranslateWriting } from '@/utils/compose/translate-draft';
import { LANGUAGE_NATIVE_NAMES, type LanguageCode } from '@/utils/language/languages';
import type { ProviderId, WritingRegister } from '@/utils/translate/types';
import { MessageError } from '@/utils/transport/messages';
import type { ComposeBar } from './compose-bar';
import { DraftChangedError, InsertionError, writeDraft } from './draft-writer';
import { draftText, sameDraftText, type EditorField } from './editor-field';

export interface ComposeSessionOptions {
  field: EditorField;
  bar: ComposeBar;
  reader(): LanguageCode;
  register(): WritingRegister;
  /** The language the reply goes into unless the reader picks another. */
  replyLanguage(): LanguageCode;
  translate: TranslateWriting;
  settle(): Promise<void>;
  /** Why something failed, in words the reader can act on. */
  describe(error: unknown): string;
  messages: { alreadyIn(language: string): string; changed(): string; failed(reason: string): string };
}

function sameSlots(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((slot, index) => sameDraftText(slot, b[index]!));
}

/**
 * One comment editor with its bar: translates the draft into the reply's language through the
 * editor's own input path, reads the result back in the reader's language, and undoes it exactly.
 * The draft is never changed unless a translation is ready to replace it; nothing is ever sent.
 */
export class ComposeSession {
  /** The reader's own draft, while the editor holds its translation. */
  private written?: { original: string[]; translation: string[] };
  /** The provider whose failure the bar shows: a Retry gives it another chance. */
  private failedProvider?: ProviderId;
  private chosenTarget?: LanguageCode;
  private running = false;

  constructor(private readonly options: ComposeSessionOptions) {}

  get target(): LanguageCode {
    return this.chosenTarget ?? this.options.replyLanguage();
  }

  chooseTarget(language: LanguageCode): void {
    this.chosenTarget = language;
    this.refresh();
  }

  /** A new reply target: the reader's own choice of language still stands. */
  replyChanged(): void {
    this.refresh();
  }

  /** The draft or the context changed: direction and buttons follow; a stale Undo goes. */
  refresh(): void {
    const slots = this.options.field.slots();
    const text = slots.join(' ');
    if (this.written && !sameSlots(slots, this.written.translation) && !this.running) {
      // The reader edited the translation: Undo would throw their edits away.
      this.written = undefined;
      this.options.bar.setState({ kind: 'ready' });
    }
    const from = this.written ? draftLanguage(this.written.original.join(' ')) : draftLanguage(text);
    this.options.bar.setDirection(from, this.target, this.options.reader(), !text.trim());
    this.options.bar.setUndoable(!!this.written);
  }

  async translate(): Promise<void> {
    if (this.running) return;
    const { field, bar } = this.options;
    const current = field.slots();
    // Translating again (into another language) starts from what the reader wrote, not from the
    // translation the editor holds now.
    const original =
      this.written && sameSlots(current, this.written.translation) ? this.written.original : current;
    const plan = planDraft(original);
    if (plan.texts.length === 0) return;
    const to = this.target;
    const from = draftLanguage(original.join(' '));
    if (from === to) {
      bar.setState({
        kind: 'failed',
        message: this.options.messages.alreadyIn(LANGUAGE_NATIVE_NAMES[to]),
        retry: false,
      });
      return;
    }
    this.running = true;
    bar.setState({ kind: 'busy' });
    try {
      const retryProvider = this.failedProvider;
      this.failedProvider = undefined;
      const translation = await translateDraft(
        plan,
        {
          from,
          to,
          writing: { register: this.options.register() },
          ...(retryProvider ? { retryProvider } : {}),
        },
        this.options.translate,
      );
      if (!sameSlots(field.slots(), current)) throw new DraftChangedError(this.options.messages.changed());
      await writeDraft(field, translation, current, { settle: this.options.settle });
      this.written = { original, translation: field.slots() };
      bar.setState({ kind: 'translated' });
    } catch (error) {
      if (error instanceof MessageError) this.failedProvider = error.failure.provider;
      const message =
        error instanceof DraftChangedError
          ? this.options.messages.changed()
          : this.options.messages.failed(this.options.describe(error));
      bar.setState({ kind: 'failed', message, retry: !(error instanceof InsertionError) });
      return;
    } finally {
      this.running = false;
      this.refresh();
    }
    await this.readBack(to);
  }

  /** The translation in the reader's language, so they can check what they are about to say. */
  private async readBack(from: LanguageCode): Promise<void> {
    const written = this.written;
    const reader = this.options.reader();
    if (!written) return;
    const kept = this.options.field.keptTexts();
    const plan = planDraft(written.translation);
    const state = (back: { back?: string; backFailed?: string }) => {
      if (this.written === written) this.options.bar.setState({ kind: 'translated', ...back });
    };
    if (from === reader || plan.texts.length === 0) return state({ back: draftText(written.original, kept) });
    try {
      state({
        back: draftText(await translateDraft(plan, { from, to: reader }, this.options.translate), kept),
      });
    } catch (error) {
      state({ backFailed: this.options.describe(error) });
    }
  }

  /** Puts back exactly what the reader wrote, through the same input path. */
  async undo(): Promise<void> {
    const written = this.written;
    if (!written || this.running) return;
    this.running = true;
    try {
      await writeDraft(this.options.field, written.original, this.options.field.slots(), {
        settle: this.options.settle,
      });
      this.written = undefined;
      this.options.bar.setState({ kind: 'ready' });
    } catch (error) {
      const message = this.options.messages.failed(this.options.describe(error));
      this.options.bar.setState({ kind: 'failed', message, retry: false });
    } finally {
      this.running = false;
      this.refresh();
    }
  }
}
