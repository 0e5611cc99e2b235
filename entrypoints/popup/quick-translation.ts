import { draftLanguage } from '@/utils/compose/compose-direction';
import { planDraft } from '@/utils/compose/draft-pieces';
import { translateDraft, type TranslateWriting } from '@/utils/compose/translate-draft';
import type { LanguageCode } from '@/utils/language/languages';
import type { ProviderId, WritingRegister } from '@/utils/translate/types';

/** What pressing Translate does with a text: nothing, say it is in the target already, or translate. */
export type QuickPlan = 'nothing' | 'already-in' | 'translate';

export function quickPlan(text: string, to: LanguageCode): QuickPlan {
  // Only emoji, mentions, hashtags or links: nothing a provider would be sent.
  if (planDraft([text]).texts.length === 0) return 'nothing';
  return draftLanguage(text) === to ? 'already-in' : 'translate';
}

/**
 * The reader's text written into `to` as a native commenter would. Mentions, hashtags, emoji and
 * links stay out of the request and come back exactly where they were typed.
 */
export async function translateQuick(
  text: string,
  options: { to: LanguageCode; register: WritingRegister; retryProvider?: ProviderId },
  send: TranslateWriting,
): Promise<string> {
  const request = {
    from: draftLanguage(text),
    to: options.to,
    writing: { register: options.register },
    ...(options.retryProvider ? { retryProvider: options.retryProvider } : {}),
  };
  return (await translateDraft(planDraft([text]), request, send))[0] ?? '';
}

/** The translation translated plainly back into the reader's language, to check what it says. */
export async function readBack(
  translation: string,
  from: LanguageCode,
  reader: LanguageCode,
  send: TranslateWriting,
): Promise<string> {
  const plan = planDraft([translation]);
  if (plan.texts.length === 0) return translation;
  return (await translateDraft(plan, { from, to: reader }, send))[0] ?? '';
}
