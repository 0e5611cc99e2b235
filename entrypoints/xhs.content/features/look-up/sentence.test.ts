import { describe, expect, it } from 'vitest';
import { LOOK_UP_SENTENCE_MAX_LENGTH } from '@/utils/learning/look-up-limits';
import { sentenceAround } from './sentence';

function around(text: string, selected: string): string {
  const start = text.indexOf(selected);
  return sentenceAround(text, start, start + selected.length);
}

describe('sentence around a selection', () => {
  it('cuts Chinese text at 。！？', () => {
    expect(around('绝绝子！被这只猫种草了，我也想养橘猫', '种草')).toBe('被这只猫种草了，我也想养橘猫');
    expect(around('小红书海关：猫税已收到，准予入境。欢迎！', '猫税')).toBe(
      '小红书海关：猫税已收到，准予入境。',
    );
  });

  it('cuts English text at sentence ends followed by a space, and at line breaks', () => {
    const body =
      "Hi RedNote! I'm Jess from Ohio, one of the TikTok refugees 👋\nI heard there's a cat tax here, so this is Mochi.";
    expect(around(body, 'refugees')).toBe("I'm Jess from Ohio, one of the TikTok refugees 👋");
    expect(around(body, 'cat tax')).toBe("I heard there's a cat tax here, so this is Mochi.");
    expect(around('wait is the cat tax mandatory?? I only have a dog', 'mandatory')).toBe(
      'wait is the cat tax mandatory??',
    );
  });

  it('keeps a selection that spans sentences whole', () => {
    expect(around('第一句。第二句！第三句', '一句。第二')).toBe('第一句。第二句！');
  });

  it('cuts a run-on text to what a look-up may carry, around the selection', () => {
    const long = '猫'.repeat(1_500) + '种草' + '狗'.repeat(1_500);
    const sentence = around(long, '种草');
    expect(sentence.length).toBeLessThanOrEqual(LOOK_UP_SENTENCE_MAX_LENGTH);
    expect(sentence).toContain('种草');
    expect(around('种草' + '狗'.repeat(3_000), '种草').startsWith('种草')).toBe(true);
  });
});
