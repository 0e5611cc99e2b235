import { cacheKey, cyrb53 } from './cache-key';

describe('cyrb53', () => {
  it('is deterministic and fits in 53 bits', () => {
    expect(cyrb53('你好，世界')).toBe(cyrb53('你好，世界'));
    expect(cyrb53('你好，世界')).toBeLessThan(2 ** 53);
    expect(Number.isInteger(cyrb53(''))).toBe(true);
  });

  it('separates near-identical texts', () => {
    const hashes = new Set(
      ['abc', 'abd', 'acb', 'abc ', ' abc', 'ABC', '绝绝子', '绝绝子！'].map((text) => cyrb53(text)),
    );
    expect(hashes.size).toBe(8);
  });

  it('depends on the seed', () => {
    expect(cyrb53('abc', 1)).not.toBe(cyrb53('abc', 2));
  });
});

describe('cacheKey', () => {
  it('is engine|from|to|hash', () => {
    expect(cacheKey('default', 'zh-CN', 'en', '好吃')).toBe(
      `default|zh-CN|en|${cyrb53('好吃').toString(36)}`,
    );
  });

  it('changes with every input', () => {
    const keys = new Set([
      cacheKey('default', 'auto', 'en', '好吃'),
      cacheKey('deepl', 'auto', 'en', '好吃'),
      cacheKey('default', 'zh-CN', 'en', '好吃'),
      cacheKey('default', 'auto', 'ja', '好吃'),
      cacheKey('default', 'auto', 'en', '好喝'),
    ]);
    expect(keys.size).toBe(5);
  });
});
