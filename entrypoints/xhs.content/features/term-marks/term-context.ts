import type { i18n } from 'i18next';
import { browser } from 'wxt/browser';
import type { TermCard } from '@/utils/glossary/term-card';
import { PAGE_TERM_DRAFT, type PageTermDraft, type UserTermInput } from '@/utils/glossary/protocol';
import { uiLocaleFor } from '@/utils/i18n';
import type { LanguageCode } from '@/utils/language/languages';
import { sendMessage } from '@/utils/transport/messages';
import { browserLocale } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';
import { SELECTORS } from '@/utils/xhs/selectors';
import type { Unit } from '@/utils/xhs/units';
import { renderTermChips, type TermChipLabels } from './term-chips';
import { TermHighlighter } from './term-highlights';
import { TermPopoverHost } from './term-popover-host';

export interface TermContextOptions {
  doc: Document;
  i18n: i18n;
  settings: () => Settings;
  reader: () => LanguageCode;
}

/**
 * Glossary context on the page: chips under translations, the popover they open, and marks on the
 * terms in the site's own text. The translator calls `decorate` for every finished overlay.
 */
export function createTermContext({ doc, i18n, settings, reader }: TermContextOptions) {
  const win = doc.defaultView as Window & typeof globalThis;
  const highlighter = new TermHighlighter(win, {
    findScroller: (element) => element.closest(SELECTORS.noteScroller),
  });
  const locale = () => uiLocaleFor(settings().uiLanguage, browserLocale());
  const popover = new TermPopoverHost({
    doc,
    locale,
    t: (key, values) => i18n.t(key, values),
    onKeep: async (card) => {
      await sendMessage('saveUserTerm', { entry: keptCopy(card) });
    },
  });
  let lastOpened: TermCard | undefined;
  const open = (card: TermCard, chip: HTMLElement) => {
    lastOpened = card;
    popover.open(card, chip);
  };
  // The popup's quick add starts from what the reader selected, or the term they opened last.
  const answerDraft = (message: unknown) => {
    if ((message as { type?: string } | undefined)?.type !== PAGE_TERM_DRAFT) return undefined;
    const draft: PageTermDraft = {
      selection: doc.getSelection()?.toString() ?? '',
      ...(lastOpened ? { chip: { term: lastOpened.term, lang: lastOpened.lang } } : {}),
    };
    return Promise.resolve(draft);
  };
  browser.runtime.onMessage.addListener(answerDraft as never);
  // Chips repeat the same few terms down a comment list: each accessible name is worded once per
  // interface language rather than formatted again for every chip.
  const explained = new Map<string, string>();
  const labels: TermChipLabels = {
    explain: (term) => {
      const key = `${i18n.language}\u0000${term}`;
      let label = explained.get(key);
      if (label === undefined) {
        if (explained.size >= 2000) explained.clear();
        label = i18n.t('glossary.chip.explain', { term });
        explained.set(key, label);
      }
      return label;
    },
    gloss: (card) => glossFor(card, reader(), locale()),
  };

  return {
    decorate(source: Element, overlay: HTMLElement, unit: Unit, terms: readonly TermCard[]): void {
      // Feed cards have a fixed height: no room for chips there.
      const shown = settings().showTerms && unit.kind !== 'card-title' ? terms : [];
      // The overlay was just rendered afresh, without chips: most units have none to add.
      if (shown.length > 0) renderTermChips(overlay, shown, labels, open);
      highlighter.mark(
        source,
        shown.map((card) => card.surface),
      );
    },

    /** Sources were hidden or shown again (a new display mode): their marks follow. */
    recheck(): void {
      highlighter.recheck();
    },

    /** The unit left the page: its marks go with it. */
    forget(source: Element): void {
      highlighter.clear(source);
    },

    /** Removes every mark and the popover (the translator removes the chips with its overlays). */
    clear(): void {
      popover.close(false);
      highlighter.clearAll();
    },

    dispose(): void {
      popover.close(false);
      highlighter.dispose();
      browser.runtime.onMessage.removeListener(answerDraft as never);
    },
  };
}

/** The short gloss shown on a chip: how the term is rendered in the reader's language. */
function glossFor(card: TermCard, reader: LanguageCode, ui: 'en' | 'zh-CN'): string | undefined {
  const language = reader === 'en' || reader === 'zh-CN' ? reader : ui;
  const gloss = card.rendering?.[language];
  return gloss && gloss !== card.surface ? gloss : undefined;
}

/**
 * A bundled term (or a language model's note) the reader keeps: its explanation, without its
 * rendering, which would make it an instruction to every translation. The user can add a rendering
 * of their own in the options.
 */
function keptCopy(card: TermCard): UserTermInput {
  const { surface: _surface, entryId: _entryId, kind: _kind, rendering: _rendering, ...explanation } = card;
  return explanation;
}
