import { assembleDraft, type DraftPlan } from './draft-pieces';
import type { ComposeProtocol } from './protocol';

type WritingRequest = ComposeProtocol['translateWriting']['request'];

/** The background's `translateWriting`, passed in by each page. */
export type TranslateWriting = (
  request: WritingRequest,
) => Promise<ComposeProtocol['translateWriting']['response']>;

/**
 * A draft's words translated in one request and put back between what it keeps (mentions, emoji,
 * hashtags, links): the slots as they read in the target language.
 */
export async function translateDraft(
  plan: DraftPlan,
  request: Omit<WritingRequest, 'texts'>,
  send: TranslateWriting,
): Promise<string[]> {
  const { translations } = await send({ ...request, texts: plan.texts });
  return assembleDraft(plan, translations);
}
