/**
 * A draft cut into what gets translated and what is kept exactly as written. Mentions, hashtags,
 * links and emoji (Unicode ones and the site's `[笑哭R]` codes) never go through a provider, so no
 * translation can drop, translate or mangle them; whitespace around them stays as typed.
 */
export interface DraftPiece {
  text: string;
  translate: boolean;
}

const KEPT_TOKEN = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)\S+`,
    String.raw`@[^\s@#]+`,
    // The site's topic tags (#话题[话题]#) and plain ones (#ootd).
    String.raw`#[^\s#]+#?`,
    String.raw`\[[\p{Script=Han}A-Za-z]{1,8}R?\]`,
    String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D|\p{Emoji_Modifier}|\p{Extended_Pictographic}|\p{Regional_Indicator})*`,
  ].join('|'),
  'gu',
);

const LETTER = /\p{L}/u;

/** Splits one run of draft text into pieces; joining their texts gives the run back exactly. */
export function splitDraftText(text: string): DraftPiece[] {
  const pieces: DraftPiece[] = [];
  const keep = (kept: string) => {
    const last = pieces[pieces.length - 1];
    if (last && !last.translate) last.text += kept;
    else if (kept) pieces.push({ text: kept, translate: false });
  };
  const words = (run: string) => {
    // Leading and trailing whitespace stays put; a run without letters (punctuation, numbers) too.
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run)!;
    const [, before = '', core = '', after = ''] = match;
    keep(before);
    if (LETTER.test(core)) pieces.push({ text: core, translate: true });
    else keep(core);
    keep(after);
  };
  let last = 0;
  for (const match of text.matchAll(KEPT_TOKEN)) {
    words(text.slice(last, match.index));
    keep(match[0]);
    last = match.index + match[0].length;
  }
  words(text.slice(last));
  return pieces;
}

/** A draft's slots (the text between kept elements such as mentions), each cut into pieces. */
export interface DraftPlan {
  slots: DraftPiece[][];
  /** The pieces to translate, in order, as sent to the provider. */
  texts: string[];
}

export function planDraft(slots: readonly string[]): DraftPlan {
  const split = slots.map(splitDraftText);
  return {
    slots: split,
    texts: split.flatMap((pieces) => pieces.filter((piece) => piece.translate).map((piece) => piece.text)),
  };
}

/** The slots with each translated piece replaced by its translation, in the order `texts` had. */
export function assembleDraft(plan: DraftPlan, translations: readonly string[]): string[] {
  if (translations.length !== plan.texts.length)
    throw new Error(`expected ${plan.texts.length} translations, got ${translations.length}`);
  let next = 0;
  return plan.slots.map((pieces) =>
    pieces.map((piece) => (piece.translate ? (translations[next++] ?? '').trim() : piece.text)).join(''),
  );
}
