import * as v from 'valibot';
import { LANGUAGES } from '../language/languages';
import { PROVIDER_IDS } from './types';

/**
 * Caps on what one unit may ask to translate. The longest note the site allows is 1,000
 * characters and a comment far less; the caps leave room for that many times over, and stop a
 * page from making the background spend a provider's budget on text no reader sees.
 */
export const MAX_SEGMENT_CHARS = 5_000;
export const MAX_UNIT_SEGMENTS = 100;
export const MAX_UNIT_CHARS = 20_000;
/** Request ids are short tokens chosen by the page. */
export const MAX_REQUEST_ID_LENGTH = 200;

export const languageSchema = v.picklist(LANGUAGES);
export const sourceLanguageSchema = v.picklist([...LANGUAGES, 'auto']);
export const providerIdSchema = v.picklist(PROVIDER_IDS);

/** The segments of one unit, within the caps. */
export const segmentsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(MAX_SEGMENT_CHARS, `a text is longer than ${MAX_SEGMENT_CHARS}`))),
  v.maxLength(MAX_UNIT_SEGMENTS, `a unit has more than ${MAX_UNIT_SEGMENTS} texts`),
  v.check(
    (segments) => segments.reduce((sum, segment) => sum + segment.length, 0) <= MAX_UNIT_CHARS,
    `a unit is longer than ${MAX_UNIT_CHARS} characters`,
  ),
);

/** One unit's translation request as a page sends it. */
export const translateRequestSchema = v.strictObject({
  requestId: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_REQUEST_ID_LENGTH)),
  segments: segmentsSchema,
  from: sourceLanguageSchema,
  to: languageSchema,
  priority: v.picklist(['visible', 'near', 'idle']),
  retry: v.optional(v.boolean()),
  retryProvider: v.optional(providerIdSchema),
});
