import { draftLanguage } from '@/utils/compose/compose-direction';
import { assembleDraft, planDraft } from '@/utils/compose/draft-pieces';
import type { ComposeProtocol } from '@/utils/compose/protocol';
import type { LanguageCode } from '@/utils/language/languages';
import type { ProviderId, WritingRegister } from '@/utils/translate/types';

type WritingRequest = ComposeProtocol['translateWriting']['request'];
type WritingResponse = ComposeProtocol['translateWriting']['response'];

/** The background's `translateWriting`, passed in so the requests can be checked on their own. */
export type TranslateWriting = (request: WritingRequest) => Promise<WritingResponse>;

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
  const plan = planDraft([text]);
  const { translations } = await send({
    texts: plan.texts,
    from: draftLanguage(text),
    to: options.to,
    writing: { register: options.register },
    ...(options.retryProvider ? { retryProvider: options.retryProvider } : {}),
  });
  return assembleDraft(plan, translations)[0] ?? '';
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
  const { translations } = await send({ texts: plan.texts, from, to: reader });
  return assembleDraft(plan, translations)[0] ?? '';
}
