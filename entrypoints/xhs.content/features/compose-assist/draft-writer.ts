import { sameDraftText, type EditorField, type InsertionMethod } from './editor-field';

/**
 * The order insertion methods are tried in: the browser's editing command first (the site cannot
 * tell it from typing), a paste for editors that take pasted text themselves, and a direct change
 * announced with input events last.
 */
export const INSERTION_ORDER: readonly InsertionMethod[] = ['input-command', 'paste', 'input-event'];

/** The draft changed shape (a mention added or removed) since it was read: nothing was written. */
export class DraftChangedError extends Error {
  override readonly name = 'DraftChangedError';
}

/** No method got the text into the editor; it holds the draft as it was. */
export class InsertionError extends Error {
  override readonly name = 'InsertionError';
}

function matches(field: EditorField, target: readonly string[]): boolean {
  const slots = field.slots();
  return slots.length === target.length && slots.every((slot, index) => sameDraftText(slot, target[index]!));
}

export interface WriteOptions {
  order?: readonly InsertionMethod[];
  /** Lets the site react (re-render from its model) before the result is checked. */
  settle(): Promise<void>;
}

/**
 * Writes `target` (one text per slot) into the editor by the first method the site takes, checked
 * by reading the editor back once the site has reacted. A method that leaves the editor anywhere
 * else is followed by the next. When none takes, `fallback` (the draft as it was) is written back
 * the same way and InsertionError is thrown, so the reader never loses what they wrote.
 */
export async function writeDraft(
  field: EditorField,
  target: readonly string[],
  fallback: readonly string[],
  { order = INSERTION_ORDER, settle }: WriteOptions,
): Promise<InsertionMethod> {
  const method = await tryMethods(field, target, order, settle);
  if (method) return method;
  await tryMethods(field, fallback, order, settle);
  throw new InsertionError('The comment box did not take the text');
}

async function tryMethods(
  field: EditorField,
  target: readonly string[],
  order: readonly InsertionMethod[],
  settle: () => Promise<void>,
): Promise<InsertionMethod | undefined> {
  for (const method of order) {
    const slots = field.slots();
    if (slots.length !== target.length)
      throw new DraftChangedError('The draft changed while it was being translated');
    // Last slot first: writing one leaves the ranges of those before it where they were.
    for (let index = target.length - 1; index >= 0; index--) {
      if (!sameDraftText(slots[index]!, target[index]!)) field.replaceSlot(index, target[index]!, method);
    }
    await settle();
    if (matches(field, target)) return method;
  }
  return undefined;
}
