import { protectTerms } from './term-protection';

const glossary = [
  { source: '绝绝子', target: 'absolutely amazing' },
  { source: 'yyds', target: 'GOAT' },
  { source: '种草', target: 'got me wanting it' },
];

describe('protectTerms', () => {
  it('swaps each glossary term for a numbered placeholder', () => {
    expect(protectTerms('这家店绝绝子，yyds！', glossary).text).toBe('这家店{RB0}，{RB1}！');
  });

  it('leaves text alone without rules or without a matching term', () => {
    const plain = protectTerms('今天天气很好', glossary);
    expect(plain.text).toBe('今天天气很好');
    expect(plain.restore('The weather is nice today')).toBe('The weather is nice today');
    expect(protectTerms('绝绝子', undefined).text).toBe('绝绝子');
    expect(protectTerms('绝绝子', []).text).toBe('绝绝子');
  });

  it('puts the preferred rendering in place of the placeholder', () => {
    const text = protectTerms('这家店绝绝子，yyds！', glossary);
    expect(text.restore('This shop is {RB0}, {RB1}!')).toBe('This shop is absolutely amazing, GOAT!');
  });

  it('reuses the placeholder for a repeated term', () => {
    const text = protectTerms('绝绝子！真的绝绝子', glossary);
    expect(text.text).toBe('{RB0}！真的{RB0}');
    expect(text.restore('{RB0}! Really {RB0}')).toBe('absolutely amazing! Really absolutely amazing');
  });

  it('survives spaces inside, lower case and full-width braces', () => {
    const text = protectTerms('绝绝子 yyds', glossary);
    expect(text.restore('{ rb0 } and ｛RB 1｝')).toBe('absolutely amazing and GOAT');
  });

  it('drops spaces the engine added between Chinese text and a Chinese rendering', () => {
    const text = protectTerms('This is yyds.', [{ source: 'yyds', target: '永远的神' }]);
    expect(text.text).toBe('This is {RB0}.');
    expect(text.restore('这是 {RB0} 。')).toBe('这是永远的神。');
    expect(text.restore('真的是 {RB0}')).toBe('真的是永远的神');
  });

  it('keeps spaces around a Latin rendering', () => {
    expect(protectTerms('这个种草了', glossary).restore('This {RB2} really')).toBe(
      'This got me wanting it really',
    );
  });

  it('matches Latin terms case-insensitively and only as whole words', () => {
    const rules = [{ source: 'OOTD', target: 'outfit of the day' }];
    expect(protectTerms('今日ootd和OOTDs', rules).text).toBe('今日{RB0}和OOTDs');
  });

  it('prefers the longest overlapping term', () => {
    const rules = [
      { source: '绝', target: 'great' },
      { source: '绝绝子', target: 'absolutely amazing' },
    ];
    expect(protectTerms('绝绝子', rules).text).toBe('{RB1}');
  });

  it('treats regular-expression characters in terms literally', () => {
    const rules = [{ source: 'C++ (stl)', target: 'C++ STL' }];
    const text = protectTerms('学C++ (stl)', rules);
    expect(text.text).toBe('学{RB0}');
    expect(text.restore('Learn {RB0}')).toBe('Learn C++ STL');
  });

  it('reports a lost placeholder so the caller can translate without protection', () => {
    const text = protectTerms('这家店绝绝子，yyds！', glossary);
    expect(text.restore('This shop is {RB0}!')).toBeUndefined();
    expect(text.restore('This shop is amazing!')).toBeUndefined();
  });

  it('reports a mangled or foreign placeholder', () => {
    const text = protectTerms('绝绝子', glossary);
    expect(text.restore('{RB0 is great')).toBeUndefined();
    expect(text.restore('RB0} is great')).toBeUndefined();
    expect(text.restore('{RB0} {RB7}')).toBeUndefined();
  });

  it('does not protect a text that already contains placeholder-like text', () => {
    const text = protectTerms('模板 {RB0} 绝绝子', glossary);
    expect(text.text).toBe('模板 {RB0} 绝绝子');
  });

  it('ignores empty and duplicate rules', () => {
    const rules = [
      { source: ' ', target: 'x' },
      { source: 'yyds', target: 'GOAT' },
      { source: 'YYDS', target: 'other' },
    ];
    const text = protectTerms('yyds', rules);
    expect(text.text).toBe('{RB0}');
    expect(text.restore('{RB0}')).toBe('GOAT');
  });
});
