import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { UserTermRecord } from '@/utils/db/schema';
import { PAGE_TERM_DRAFT, type PageTermDraft } from '@/utils/glossary/protocol';
import { sendMessage } from '@/utils/transport/messages';
import { TermForm, guessTermLanguage } from './term-form';

/** What the active tab offers to start from: the reader's selection, else the chip opened last. */
async function draftFromPage(): Promise<
  { draft: Partial<UserTermRecord>; from: 'selection' | 'chip' } | undefined
> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return undefined;
    const answer = (await browser.tabs.sendMessage(tab.id, { type: PAGE_TERM_DRAFT })) as
      PageTermDraft | undefined;
    const selection = answer?.selection?.trim();
    // A whole paragraph is not a term: only short selections start a draft.
    if (selection && selection.length <= 40) {
      return { draft: { term: selection, lang: guessTermLanguage(selection) }, from: 'selection' };
    }
    if (answer?.chip) return { draft: { term: answer.chip.term, lang: answer.chip.lang }, from: 'chip' };
  } catch {
    // Not a Xiaohongshu tab, or its page has no RedBridge content script: start empty.
  }
  return undefined;
}

/** The popup's quick add: a short form, opened and filled in when the page offers a term. */
export function QuickAddTerm() {
  const { t } = useTranslation();
  const [start, setStart] = useState<Awaited<ReturnType<typeof draftFromPage>> | null>(null);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    void draftFromPage().then((found) => {
      setStart(found);
      if (found) setOpen(true);
    });
  }, []);

  if (start === null) return null;
  return (
    <details className="quick-add" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('glossary.quickAdd.title')}</summary>
      {start && (
        <p className="muted">
          {t(start.from === 'selection' ? 'glossary.quickAdd.fromSelection' : 'glossary.quickAdd.fromChip')}
        </p>
      )}
      <TermForm
        compact
        initial={start?.draft}
        onSave={async (entry) => {
          const record = await sendMessage('saveUserTerm', { entry });
          setSaved(t('glossary.quickAdd.saved', { term: record.term }));
        }}
      />
      {saved && (
        <p role="status" className="status">
          {saved}
        </p>
      )}
    </details>
  );
}
