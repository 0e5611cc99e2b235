import { decodeHtmlEntities, escapeHtmlText } from './html-text';

describe('escapeHtmlText', () => {
  it('escapes exactly & < >', () => {
    expect(escapeHtmlText('a < b && c > d "q" \'s\'')).toBe('a &lt; b &amp;&amp; c &gt; d "q" \'s\'');
  });

  it('escapes text that is already entity-like, so it stays literal', () => {
    expect(escapeHtmlText('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes the named entities Google emits', () => {
    expect(decodeHtmlEntities('&amp; &lt; &gt; &quot; &apos; &#39; &nbsp;')).toBe("& < > \" ' ' \u00a0");
  });

  it('decodes decimal and hex numeric references, astral plane included', () => {
    expect(decodeHtmlEntities('&#20320;&#x597D; &#x1F602; &#X41;')).toBe('你好 😂 A');
  });

  it('decodes exactly once', () => {
    expect(decodeHtmlEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
    expect(decodeHtmlEntities('&amp;amp;')).toBe('&amp;');
  });

  it('leaves unknown, malformed and unsafe references alone', () => {
    expect(decodeHtmlEntities('&copy2; &bogus; & ; &#; &#0; &#xD800; &#x110000; AT&T')).toBe(
      '&copy2; &bogus; & ; &#; &#0; &#xD800; &#x110000; AT&T',
    );
  });

  it.each([
    'a < b && c > d',
    '<script>alert(1)</script>',
    '&amp;',
    '&lt;br&gt;',
    '🙂 emoji 👍🏽',
    '你好，世界 & 朋友',
  ])('round-trips %j', (text) => {
    expect(decodeHtmlEntities(escapeHtmlText(text))).toBe(text);
  });
});
