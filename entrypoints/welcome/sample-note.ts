import type { LanguageCode } from '@/utils/language/languages';
import type { SourceScope } from '@/utils/settings-schema';
import { planUnit, type UnitPlan } from '@/utils/language/direction';

/**
 * The welcome page's sample: a short note and two comments as a reader meets them on Xiaohongshu.
 * A foreign reader sees a Chinese note, a Chinese comment and one in another foreign language; a
 * Chinese reader sees a foreigner's English note. The comment in a third language shows what the
 * "which text" question changes.
 */

export interface SampleText {
  key: string;
  kind: 'note-title' | 'note-body' | 'comment';
  author?: string;
  paragraphs: string[];
  hashtags: string[];
}

export interface SampleNote {
  author: string;
  title: SampleText;
  body: SampleText;
  comments: SampleText[];
}

const text = (
  key: string,
  kind: SampleText['kind'],
  paragraphs: string[],
  extra: Partial<SampleText> = {},
): SampleText => ({ key, kind, paragraphs, hashtags: [], ...extra });

const JAPANESE_COMMENT = text(
  'comment:2',
  'comment',
  ['猫ちゃん可愛すぎる！日本からも猫税を払いに来ました🐱'],
  {
    author: 'mochi_tokyo',
  },
);
const KOREAN_COMMENT = text('comment:2', 'comment', ['고양이 너무 귀여워요 ㅠㅠ 한국에서도 환영해요!'], {
  author: 'seoul.cat.mom',
});

const CHINESE_NOTE: Omit<SampleNote, 'comments'> = {
  author: '阿橘的铲屎官',
  title: text('note:title', 'note-title', ['我的猫主子今天又嫌弃我了']),
  body: text('note:body', 'note-body', ['买了三百块的猫窝，它非要睡快递箱'], {
    hashtags: ['猫咪日常', '萌宠'],
  }),
};

const ENGLISH_NOTE: Omit<SampleNote, 'comments'> = {
  author: 'salem.and.me',
  title: text('note:title', 'note-title', ['My black cat is very rude, is there a tax discount']),
  body: text('note:body', 'note-body', ['Her name is Salem and she bit me twice while I took this picture'], {
    hashtags: ['猫税', '萌宠'],
  }),
};

export function sampleNoteFor(reader: LanguageCode): SampleNote {
  if (reader === 'zh-CN') {
    return {
      ...ENGLISH_NOTE,
      comments: [
        text('comment:1', 'comment', ['Omg the little paws 🥺'], { author: 'paws_and_coffee' }),
        JAPANESE_COMMENT,
      ],
    };
  }
  return {
    ...CHINESE_NOTE,
    comments: [
      text('comment:1', 'comment', ['猫猫这么可爱，一定很会撒娇吧'], { author: '橘子汽水' }),
      reader === 'ja' ? KOREAN_COMMENT : JAPANESE_COMMENT,
    ],
  };
}

export function sampleTexts(note: SampleNote): SampleText[] {
  return [note.title, note.body, ...note.comments];
}

export function segmentsOf(sample: SampleText): string[] {
  return [...sample.paragraphs, ...sample.hashtags];
}

/** What the page would do with each text: the same plan the content script makes. */
export function planSample(sample: SampleText, reader: LanguageCode, scope: SourceScope): UnitPlan {
  return planUnit(segmentsOf(sample), sample.paragraphs.length, reader, scope);
}
