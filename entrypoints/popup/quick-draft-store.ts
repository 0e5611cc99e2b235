import { browser } from 'wxt/browser';
import { isLanguageCode, type LanguageCode } from '@/utils/language/languages';

/** What the reader typed into the popup's quick translate box, and the language they picked for it. */
export interface QuickDraft {
  text: string;
  target?: LanguageCode;
}

const DRAFT_KEY = 'quickTranslateDraft';

/** The draft kept by this popup alone, for browsers without session storage; it goes when the popup closes. */
let inMemory: QuickDraft = { text: '' };

/**
 * Session storage outlives the popup, which closes at any click outside it, but not the browser,
 * and is never written to disk: right for a private draft. Older Firefox versions have none.
 */
function sessionArea(): typeof browser.storage.session | undefined {
  return (browser.storage as Partial<typeof browser.storage> | undefined)?.session;
}

function readDraft(value: unknown): QuickDraft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { text, target } = value as Record<string, unknown>;
  if (typeof text !== 'string') return undefined;
  return isLanguageCode(target) ? { text, target } : { text };
}

export async function loadQuickDraft(): Promise<QuickDraft> {
  const area = sessionArea();
  if (area) {
    try {
      const stored = await area.get(DRAFT_KEY);
      return readDraft(stored[DRAFT_KEY]) ?? { text: '' };
    } catch {
      // Session storage refused (not allowed in this context): the draft lives in memory only.
    }
  }
  return inMemory;
}

export async function saveQuickDraft(draft: QuickDraft): Promise<void> {
  // Storage drops undefined values in some browsers and keeps them in others: leave them out.
  inMemory = draft.target ? { text: draft.text, target: draft.target } : { text: draft.text };
  try {
    await sessionArea()?.set({ [DRAFT_KEY]: inMemory });
  } catch {
    // Kept in memory above; nothing else to do.
  }
}
