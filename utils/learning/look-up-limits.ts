/**
 * How much text a look-up may carry: a word or phrase, and the sentence around it. The page clips
 * to these before it asks, and the background refuses more, so a look-up never sends a whole
 * note to a provider.
 */
export const LOOK_UP_TEXT_MAX_LENGTH = 200;
export const LOOK_UP_SENTENCE_MAX_LENGTH = 1_000;
