import { describe, expect, it } from 'vitest';
import { wordAt } from './word-at';

const pointed = (text: string, offset: number) => {
  const found = wordAt(text, offset);
  return found && { text: text.slice(found.start, found.end), at: found.at };
};

describe('what the pointer is on', () => {
  it('takes a whole Latin word, apostrophes and hyphens inside it included', () => {
    const text = "I'm trying to learn Chinese, it's self-taught";
    expect(pointed(text, text.indexOf('earn'))).toEqual({ text: 'learn', at: undefined });
    expect(pointed(text, 2)).toEqual({ text: "I'm", at: undefined });
    expect(pointed(text, text.indexOf('taught'))).toEqual({ text: 'self-taught', at: undefined });
  });

  it('takes the Han run around the pointer, with the pointed character’s place in it', () => {
    const text = '绝绝子！被这只猫种草了，我也想养橘猫';
    expect(pointed(text, text.indexOf('草'))).toEqual({ text: '被这只猫种草了', at: 5 });
    expect(pointed('V我50，我替Mochi保管猫粮', 1)).toEqual({ text: '我', at: 0 });
  });

  it('stops a long Han run a few characters each side', () => {
    const text = '一二三四五六七八九十甲乙丙丁戊己庚辛';
    expect(pointed(text, 9)).toEqual({ text: '四五六七八九十甲乙丙丁戊己', at: 6 });
  });

  it('points at nothing over spaces, punctuation and emoji', () => {
    expect(wordAt('猫！ 🐱', 1)).toBeNull();
    expect(wordAt('猫！ 🐱', 2)).toBeNull();
    expect(wordAt('猫！ 🐱', 3)).toBeNull();
    expect(wordAt('猫', 5)).toBeNull();
  });
});
