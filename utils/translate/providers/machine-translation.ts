import type { ProviderRequest, ProviderResult } from '../types';
import { protectTerms } from './term-protection';

/** Sends already-prepared texts in one request; must return exactly one translation per text. */
export type SendBatch = (texts: string[]) => Promise<ProviderResult>;

/**
 * The request flow shared by the machine-translation engines (everything but the LLM):
 * - blank texts are answered locally, because some engines reject or "translate" them;
 * - glossary terms are swapped for placeholders and rendered afterwards;
 * - texts whose placeholders the engine mangled are sent once more without protection, so a
 *   glossary problem costs a term rendering, never a translation.
 */
export async function translateWithGlossary(
  request: ProviderRequest,
  sendBatch: SendBatch,
): Promise<ProviderResult> {
  const { texts, glossary } = request;
  const translations = [...texts];
  const detected: (string | undefined)[] = texts.map(() => undefined);
  const pending = texts.flatMap((text, index) => (text.trim() ? [index] : []));
  if (pending.length === 0) return { translations, detected };

  const prepared = pending.map((index) => protectTerms(texts[index] ?? '', glossary));
  const first = await sendBatch(prepared.map((item) => item.text));
  const unprotectedRetry: number[] = [];
  pending.forEach((index, position) => {
    const restored = prepared[position]?.restore(first.translations[position] ?? '');
    detected[index] = first.detected?.[position];
    if (restored === undefined) unprotectedRetry.push(index);
    else translations[index] = restored;
  });

  if (unprotectedRetry.length > 0) {
    const retry = await sendBatch(unprotectedRetry.map((index) => texts[index] ?? ''));
    unprotectedRetry.forEach((index, position) => {
      translations[index] = retry.translations[position] ?? '';
      detected[index] = retry.detected?.[position] ?? detected[index];
    });
  }
  return { translations, detected };
}
