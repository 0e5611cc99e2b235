import type { LanguageCode } from '../../language/languages';
import type {
  FetchLike,
  GlossaryRule,
  ProviderLimits,
  ProviderRequest,
  SlangNote,
  TermExplanation,
  TranslationProvider,
  WritingStyle,
} from '../types';
import { endpointUrl } from './base-url';
import { badResponse, readJson, send, type StatusClassifier } from './http';
import { isRecord, optionalString } from './json-shape';
import { MisalignedBatchError } from './misaligned-batch-error';

/**
 * Small batches: a long prompt makes models drop, merge or reorder segments, and every lost
 * segment costs a retry. Each segment still gets the context of its neighbours.
 */
export const OPENAI_COMPATIBLE_LIMITS: ProviderLimits = {
  maxItems: 8,
  maxChars: 4_000,
  concurrency: 2,
  requestsPerSecond: 1,
};

/** English names: models follow "Simplified Chinese" more reliably than a BCP-47 tag. */
const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  'zh-CN': 'Simplified Chinese',
  en: 'English',
  ja: 'Japanese',
  ko: 'Korean',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  ru: 'Russian',
  pt: 'Portuguese',
};

export interface OpenAiCompatibleDeps {
  fetch: FetchLike;
  baseUrl: string;
  model: string;
  /** Omitted for servers that take no key, such as a local Ollama. */
  apiKey?: string;
}

/** The user message: what the model translates, and what the fake provider reads back. */
export interface SegmentsMessage {
  to: LanguageCode;
  segments: { id: string; text: string }[];
  /** Notes on slang are asked for. */
  notes?: true;
}

/** Notes per segment: a few, on terms that are really in the segment. */
const MAX_NOTES_PER_SEGMENT = 3;

/** OpenAI's "you have no credit left" arrives as a 429 but will not pass by waiting. */
const classifyOpenAiStatus: StatusClassifier = (status, body) =>
  status === 429 && body.includes('insufficient_quota') ? 'quota' : undefined;

/**
 * Chat-completions providers (OpenAI, DeepSeek, OpenRouter, Ollama). The glossary goes into the
 * prompt rather than through placeholders, since a model can inflect a term where an engine can't.
 *
 * Misalignment: every segment id must come back exactly once with text. If any is missing or
 * duplicated the call throws MisalignedBatchError (kind 'bad-response') carrying the valid
 * translations and the missing indexes; an answer that is not usable JSON at all throws a plain
 * 'bad-response' ProviderError.
 */
export function createOpenAiCompatibleProvider({
  fetch,
  baseUrl,
  model,
  apiKey,
}: OpenAiCompatibleDeps): TranslationProvider {
  const provider = 'openai-compatible';
  const url = endpointUrl(baseUrl, 'chat/completions');
  /** One chat completion asked for JSON; the answer's message content. */
  const complete = async (system: string, user: string, signal: AbortSignal): Promise<string> => {
    const response = await send(
      fetch,
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify({
          model,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
          response_format: { type: 'json_object' },
        }),
      },
      { provider, signal, classify: classifyOpenAiStatus },
    );
    return messageContent(await readJson(response, { provider, signal }));
  };
  return {
    id: provider,
    limits: OPENAI_COMPATIBLE_LIMITS,
    async translate(request) {
      const { signal, texts } = request;
      // Blank texts stay local: a model asked to translate nothing tends to invent something.
      const sent = texts.flatMap((text, index) => (text.trim() ? [index] : []));
      const translations: (string | undefined)[] = texts.map((text) => (text.trim() ? undefined : text));
      if (sent.length === 0) return { translations: [...texts] };

      const message: SegmentsMessage = {
        to: request.to,
        segments: sent.map((index) => ({ id: String(index), text: texts[index] ?? '' })),
        ...(request.slangNotes ? { notes: true as const } : {}),
      };
      const content = await complete(systemPrompt(request), JSON.stringify(message), signal);
      const answer = parseModelJson(content);
      const byId = translationsById(answer, content);
      for (const index of sent) translations[index] = byId.get(String(index));
      if (translations.some((translation) => translation === undefined)) {
        throw new MisalignedBatchError(provider, translations);
      }
      if (!request.slangNotes) return { translations: translations as string[] };
      const notes = notesById(answer);
      return {
        translations: translations as string[],
        notes: texts.map((text, index) => soundNotes(notes.get(String(index)), text)),
      };
    },
    async explain({ term, context, to, signal }) {
      const message: ExplainMessage = { explain: term, context, to };
      const content = await complete(explainPrompt(to), JSON.stringify(message), signal);
      return explanationOf(parseModelJson(content), content);
    },
  };
}

/** The user message of an explanation: what the model explains, and what the fake provider reads back. */
export interface ExplainMessage {
  explain: string;
  context: string;
  to: LanguageCode;
}

export function explainPrompt(to: LanguageCode): string {
  return [
    'You explain internet slang, memes and abbreviations that readers meet on Xiaohongshu (RedNote), a Chinese social network, in Chinese and in English.',
    `Write in ${LANGUAGE_NAMES[to]}, for a reader who does not know the term.`,
    'The input is JSON {"explain": term, "context": the sentence it was used in, "to": language}.',
    'Answer with JSON only: {"meaning": "<what it means in this sentence, one or two sentences>",',
    '"literal": "<a word-for-word reading, or empty when it says nothing more>",',
    '"origin": "<where it comes from and since when, one sentence; empty when not known>"}.',
    'If the term is ordinary language rather than slang, say what it means in the sentence. Never invent an origin.',
  ].join('\n');
}

function explanationOf(parsed: unknown, content: string): TermExplanation {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const meaning = isRecord(parsed) ? text(parsed.meaning) : undefined;
  if (!isRecord(parsed) || !meaning)
    throw badResponse('openai-compatible', `answer is not {"meaning": ...}: ${content.slice(0, 120)}`);
  const literal = text(parsed.literal);
  const origin = text(parsed.origin);
  return { meaning, ...(literal ? { literal } : {}), ...(origin ? { origin } : {}) };
}

export function systemPrompt({
  from,
  to,
  glossary,
  writing,
  slangNotes,
}: Pick<ProviderRequest, 'from' | 'to' | 'glossary' | 'writing' | 'slangNotes'>): string {
  const lines = [
    ...(writing
      ? writingLines(to, writing)
      : ['You translate posts and comments from Xiaohongshu (RedNote), a Chinese social network.']),
    `Translate the "text" of every segment into ${LANGUAGE_NAMES[to]}.`,
    from === 'auto'
      ? 'Detect the source language of each segment yourself.'
      : `The segments are written in ${LANGUAGE_NAMES[from]}.`,
    'Sound natural to a native reader: keep the tone, render slang by meaning, not word by word.',
    'Keep emoji, hashtags, @mentions, URLs and line breaks as they are.',
    `If a segment is already in ${LANGUAGE_NAMES[to]}, return it unchanged.`,
    'Translate each segment on its own; never merge, split, skip or comment on segments.',
    'The input is JSON {"to": language, "segments": [{"id", "text"}]}.',
    'Answer with JSON only, exactly {"translations": [{"id": "<segment id>", "text": "<translation>"}]},',
    'with one entry for every segment id.',
  ];
  if (slangNotes)
    lines.push(
      `Also give each translation "notes": the slang, memes or abbreviations in its segment that a ${LANGUAGE_NAMES[to]} reader would not know,`,
      `at most ${MAX_NOTES_PER_SEGMENT}, each {"term": "<exactly as written in the segment>", "meaning": "<one short sentence in ${LANGUAGE_NAMES[to]}>"}; [] when there are none.`,
    );
  const rules = glossaryLines(glossary);
  if (rules.length > 0) lines.push('Glossary, to be followed exactly:', ...rules);
  return lines.join('\n');
}

/** The reader is about to post these words: they should read as if a native commenter wrote them. */
function writingLines(to: LanguageCode, { register }: WritingStyle): string[] {
  return [
    'You translate what a reader is about to post as a comment on Xiaohongshu (RedNote), a Chinese social network.',
    `Write it the way a native ${LANGUAGE_NAMES[to]}-speaking commenter would, ` +
      (register === 'casual'
        ? 'in a casual, friendly register: everyday words, the way people talk in comments.'
        : 'in a neutral, polite register: plain and clear, neither slangy nor stiff.'),
    'Keep the meaning and the feeling; never add content, greetings or explanations.',
  ];
}

function glossaryLines(glossary: readonly GlossaryRule[] | undefined): string[] {
  return (glossary ?? [])
    .filter((rule) => rule.source.trim() && rule.target.trim())
    .map((rule) => `- render ${JSON.stringify(rule.source)} as ${JSON.stringify(rule.target)}`);
}

/**
 * Pulls `{id → text}` out of a parsed chat answer (`content`, as it came, goes into the error).
 * Ids that appear more than once are dropped: with two candidate texts there is no telling which
 * belongs to the segment.
 */
function translationsById(parsed: unknown, content: string): Map<string, string> {
  const entries = translationEntries(parsed);
  if (!entries)
    throw badResponse('openai-compatible', `answer is not {"translations": [...]}: ${content.slice(0, 120)}`);

  const counts = new Map<string, number>();
  const texts = new Map<string, string>();
  for (const [id, text] of entries) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (text.trim()) texts.set(id, text);
  }
  for (const [id, count] of counts) if (count > 1) texts.delete(id);
  return texts;
}

function messageContent(completion: unknown): string {
  const choice: unknown =
    isRecord(completion) && Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  const message = isRecord(choice) ? choice.message : undefined;
  const content = isRecord(message) ? optionalString(message.content) : undefined;
  if (content === undefined) throw badResponse('openai-compatible', 'completion has no message content');
  return content;
}

/** Models asked for bare JSON still wrap it in a ```json fence or a sentence now and then. */
function parseModelJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)\s*```/i.exec(content)?.[1];
  const candidates = [content, fenced, content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next way of reading it
    }
  }
  return undefined;
}

/** The notes each translation entry carries, by segment id; anything malformed is left out. */
function notesById(parsed: unknown): Map<string, unknown> {
  const list: unknown = isRecord(parsed) ? parsed.translations : undefined;
  const notes = new Map<string, unknown>();
  if (!Array.isArray(list)) return notes;
  for (const entry of list) {
    if (isRecord(entry) && (typeof entry.id === 'string' || typeof entry.id === 'number'))
      notes.set(String(entry.id), entry.notes);
  }
  return notes;
}

/** Notes on terms that are really in `text`, each with a meaning; a model may invent either. */
function soundNotes(raw: unknown, text: string): SlangNote[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const notes = raw.flatMap((note: unknown) => {
    if (!isRecord(note) || typeof note.term !== 'string' || typeof note.meaning !== 'string') return [];
    const term = note.term.trim();
    const meaning = note.meaning.trim();
    return term && meaning && text.includes(term) ? [{ term, meaning }] : [];
  });
  return notes.length ? notes.slice(0, MAX_NOTES_PER_SEGMENT) : undefined;
}

/** Accepts the asked-for list, and the `{"translations": {"0": "…"}}` map some models prefer. */
function translationEntries(parsed: unknown): [string, string][] | undefined {
  const list: unknown = isRecord(parsed) ? parsed.translations : parsed;
  if (Array.isArray(list)) {
    return list.flatMap((entry: unknown) => {
      if (!isRecord(entry) || typeof entry.text !== 'string') return [];
      const id = entry.id;
      return typeof id === 'string' || typeof id === 'number'
        ? [[String(id), entry.text] as [string, string]]
        : [];
    });
  }
  if (isRecord(list)) {
    return Object.entries(list).flatMap(([id, text]) =>
      typeof text === 'string' ? [[id, text] as [string, string]] : [],
    );
  }
  return undefined;
}
