import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { problemsOf } from '../validation/bad-request';
import {
  BACKUP_MAX_LENGTH,
  gradeCardPayload,
  lookUpPayload,
  phraseContext,
  phraseInput,
  phrasePatch,
  phraseRecord,
  restoreBackupPayload,
  reviewCardRecord,
  reviewLogRecord,
  undoDeletePhrasePayload,
  updatePhrasePayload,
} from './record-schemas';

function problems(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value);
  return result.success ? [] : problemsOf(result.issues);
}

const context = {
  sentence: '被这只猫种草了',
  sentenceTranslation: 'This cat sold me on it',
  url: 'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
  title: 'Paying my cat tax',
  seenAt: 1,
};

const phrase = {
  id: 'phrase-1',
  key: 'zh|种草',
  text: '种草',
  lang: 'zh',
  pinyin: 'zhòngcǎo',
  meaning: 'to recommend',
  notes: '',
  tags: ['slang'],
  contexts: [context],
  createdAt: 1,
  updatedAt: 2,
};

const card = {
  id: 'phrase-1:recall',
  phraseId: 'phrase-1',
  direction: 'recall',
  due: 10,
  stability: 2.3,
  difficulty: 5.1,
  elapsedDays: 0,
  scheduledDays: 1,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  lastReview: 5,
};

const review = {
  id: 1,
  cardId: 'phrase-1:recall',
  phraseId: 'phrase-1',
  grade: 3,
  state: 0,
  reviewedAt: 5,
  previousDue: 1,
  nextDue: 10,
  scheduledDays: 1,
  elapsedDays: 0,
};

const LINK =
  'contexts[0].url: must be a Xiaohongshu or RedNote https link (www.xiaohongshu.com or www.rednote.com)';

describe('a phrase context', () => {
  it.each([
    'https://www.xiaohongshu.com/explore/1',
    'https://www.rednote.com/explore/1?xsec_token=a#comments',
    '',
  ])('keeps a link to the site, or none: %j', (url) => {
    expect(problems(phraseContext, { ...context, url })).toEqual([]);
  });

  it.each([
    'javascript:alert(document.domain)',
    'http://www.xiaohongshu.com/explore/1',
    'https://evil.example/explore/1',
    'https://www.xiaohongshu.com.evil.example/explore/1',
    'https://xiaohongshu.com/explore/1',
    'https://www.xiaohongshu.com:8443/explore/1',
    'https://user:pass@www.xiaohongshu.com/explore/1',
    'data:text/html,<script>alert(1)</script>',
    'www.xiaohongshu.com/explore/1',
  ])('refuses any other link: %s', (url) => {
    expect(problems(phraseRecord, { ...phrase, contexts: [{ ...context, url }] })).toEqual([LINK]);
  });

  it('refuses a link over 2048 characters', () => {
    const url = `https://www.xiaohongshu.com/explore/${'1'.repeat(2048)}`;
    expect(problems(phraseContext, { ...context, url })).toEqual(['url: must be at most 2048 characters']);
  });
});

describe('a saved phrase', () => {
  it('reads as saved', () => {
    expect(v.parse(phraseRecord, phrase)).toEqual(phrase);
  });

  it.each([
    ['no text', { text: ' ' }, 'text: must be a non-empty string'],
    ['a text too long', { text: '猫'.repeat(301) }, 'text: must be at most 300 characters'],
    ['another language', { lang: 'fr' }, 'lang: must be one of zh, en, other'],
    ['notes too long', { notes: 'x'.repeat(10_001) }, 'notes: must be at most 10000 characters'],
    ['tags that are text', { tags: 'slang' }, 'tags: must be a list'],
    [
      'too many tags',
      { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      'tags: must have at most 50 items',
    ],
    [
      'a context without its time',
      { contexts: [{ ...context, seenAt: undefined }] },
      'contexts[0].seenAt: must be a time in milliseconds',
    ],
    ['too many contexts', { contexts: Array(501).fill(context) }, 'contexts: must have at most 500 items'],
    [
      'a creation time that is text',
      { createdAt: '2026-01-01' },
      'createdAt: must be a time in milliseconds',
    ],
  ])('is refused with %s', (_name, change, problem) => {
    expect(problems(phraseRecord, { ...phrase, ...change })).toEqual([problem]);
  });
});

describe('what pages send about phrases', () => {
  it('needs a text and a language; the rest is optional', () => {
    expect(problems(phraseInput, { text: '种草', lang: 'zh' })).toEqual([]);
    expect(problems(phraseInput, { text: '', lang: 'zh' })).toEqual(['text: must be a non-empty string']);
    expect(
      problems(phraseInput, {
        text: '种草',
        lang: 'zh',
        context: { ...context, url: 'javascript:alert(1)' },
      }),
    ).toEqual([
      'context.url: must be a Xiaohongshu or RedNote https link (www.xiaohongshu.com or www.rednote.com)',
    ]);
  });

  it('keeps edits within the limits', () => {
    expect(problems(phrasePatch, { meaning: 'x'.repeat(2001) })).toEqual([
      'meaning: must be at most 2000 characters',
    ]);
    expect(problems(updatePhrasePayload, { id: 'phrase-1', patch: { tags: [1] } })).toEqual([
      'patch.tags[0]: must be text',
    ]);
  });

  it('looks up a short text, its sentence, and a character inside it', () => {
    expect(problems(lookUpPayload, { text: '种草了', sentence: '被种草了', at: 2 })).toEqual([]);
    expect(problems(lookUpPayload, { text: '种草了', sentence: '', at: 3 })).toEqual([
      'at: must be an index within text',
    ]);
    expect(problems(lookUpPayload, { text: '种草了', sentence: '', at: 1.5 })).toEqual([
      'at: must be a whole number',
    ]);
    expect(problems(lookUpPayload, { text: 'x'.repeat(201), sentence: '' })).toEqual([
      'text: must be at most 200 characters',
    ]);
    expect(problems(lookUpPayload, { text: 'x', sentence: 'x'.repeat(1001) })).toEqual([
      'sentence: must be at most 1000 characters',
    ]);
  });

  it('grades with 1 to 4 only', () => {
    expect(problems(gradeCardPayload, { cardId: 'phrase-1:recall', grade: 4 })).toEqual([]);
    expect(problems(gradeCardPayload, { cardId: 'phrase-1:recall', grade: 5 })).toEqual([
      'grade: must be 1, 2, 3 or 4',
    ]);
  });

  it('restores a file of at most 20 MB', () => {
    expect(problems(restoreBackupPayload, { text: '{}' })).toEqual([]);
    expect(problems(restoreBackupPayload, { text: ' '.repeat(BACKUP_MAX_LENGTH + 1) })).toEqual([
      'text: must be at most 20 MB',
    ]);
  });

  it('undoes a deletion with the phrase’s own cards and reviews only', () => {
    const removed = { phrase, cards: [card], log: [review] };
    expect(problems(undoDeletePhrasePayload, removed)).toEqual([]);
    expect(
      problems(undoDeletePhrasePayload, {
        phrase,
        cards: [{ ...card, phraseId: 'phrase-2' }],
        log: [{ ...review, cardId: 'phrase-1:recognize' }],
      }),
    ).toEqual([
      'cards[0].phraseId: must be the id of the phrase',
      'log[0].cardId: must be the id of one of the cards',
    ]);
  });
});

describe('a review card', () => {
  it('reads as saved', () => {
    expect(v.parse(reviewCardRecord, card)).toEqual(card);
  });

  it.each([
    ['a negative stability', { stability: -1 }, 'stability: must not be negative'],
    ['an infinite stability', { stability: Infinity }, 'stability: must be a finite number'],
    ['a difficulty over 10', { difficulty: 11 }, 'difficulty: must be at most 10'],
    ['a difficulty that is not a number', { difficulty: NaN }, 'difficulty: must be a number'],
    ['fractional reps', { reps: 1.5 }, 'reps: must be a whole number'],
    ['negative lapses', { lapses: -1 }, 'lapses: must not be negative'],
    ['a state past relearning', { state: 4 }, 'state: must be 0, 1, 2 or 3'],
    ['an infinite due date', { due: Infinity }, 'due: must be a time in milliseconds'],
    ['a due date that is text', { due: '2026-01-01' }, 'due: must be a time in milliseconds'],
    ['another direction', { direction: 'sideways' }, 'direction: must be one of recognize, recall'],
  ])('is refused with %s', (_name, change, problem) => {
    expect(problems(reviewCardRecord, { ...card, ...change })).toEqual([problem]);
  });
});

describe('a review', () => {
  it.each([
    ['grade 0', { grade: 0 }, 'grade: must be 1, 2, 3 or 4'],
    ['grade 5', { grade: 5 }, 'grade: must be 1, 2, 3 or 4'],
    ['a grade as text', { grade: '3' }, 'grade: must be 1, 2, 3 or 4'],
    ['a fractional id', { id: 1.5 }, 'id: must be a whole number'],
  ])('is refused with %s', (_name, change, problem) => {
    expect(problems(reviewLogRecord, { ...review, ...change })).toEqual([problem]);
  });
});
