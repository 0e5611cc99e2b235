import {
  GOOGLE_HTML_API_KEY,
  createGoogleHtmlProvider,
  htmlToPlainText,
  plainTextToHtml,
} from './google-html';
import { describeErrorMapping } from './provider-contract.testing';
import { jsonResponse, recordedFetch, signal, type RecordedRequest } from './recorded-fetch.testing';

/** Recorded from translate-pa.googleapis.com (zh-CN → en), trimmed to two items. */
const RECORDED_BATCH = [
  [
    'Today I went to a hot pot restaurant in Shanghai, and it was absolutely delicious!',
    'It&#39;s 150 yuan per person, very good value &amp; the service is great 😋',
  ],
  ['zh-CN', 'zh-CN'],
];

/** Google answering in the source language: the input HTML comes back unchanged. */
const echo = (request: RecordedRequest) => {
  const [[texts, from]] = JSON.parse(request.body ?? '') as [[string[], string, string], string];
  return jsonResponse([texts, texts.map(() => from)]);
};

describe('google-html provider', () => {
  it('sends a typical batch in the translateHtml wire format', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse(RECORDED_BATCH));
    const provider = createGoogleHtmlProvider({ fetch });
    await provider.translate({
      texts: ['今天去了上海的一家火锅店，太好吃了！', '人均150元，性价比很高 & 服务很好 😋'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      url: 'https://translate-pa.googleapis.com/v1/translateHtml',
      method: 'POST',
      headers: { 'content-type': 'application/json+protobuf', 'x-goog-api-key': GOOGLE_HTML_API_KEY },
      body: '[[["今天去了上海的一家火锅店，太好吃了！","人均150元，性价比很高 &amp; 服务很好 😋"],"auto","en"],"wt_lib"]',
    });
    expect(GOOGLE_HTML_API_KEY).toBe('AIzaSyATBXajvzQLTDHEQbcpq0Ihe0vWDHmO520');
  });

  it('parses translations, decodes entities once and reports detected languages', async () => {
    const { fetch } = recordedFetch(jsonResponse(RECORDED_BATCH));
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['今天去了上海的一家火锅店，太好吃了！', '人均150元，性价比很高 & 服务很好 😋'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result).toEqual({
      translations: [
        'Today I went to a hot pot restaurant in Shanghai, and it was absolutely delicious!',
        "It's 150 yuan per person, very good value & the service is great 😋",
      ],
      detected: ['zh-CN', 'zh-CN'],
    });
  });

  it('passes our language codes through unchanged (they are Google codes)', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse([['今天很开心'], ['en']]));
    await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['Happy today'],
      from: 'en',
      to: 'zh-CN',
      signal: signal(),
    });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual([[['Happy today'], 'en', 'zh-CN'], 'wt_lib']);
  });

  it('accepts a single detected language for the whole batch', async () => {
    const { fetch } = recordedFetch(jsonResponse([['a', 'b'], 'ja']));
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['あ', 'い'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result.detected).toEqual(['ja', 'ja']);
  });

  const tricky = [
    'a < b && c > d',
    '<script>alert(1)</script>',
    '&amp;',
    '&lt;br&gt; is not a line break',
    'emoji 🙂👍🏽🇨🇳 and ZWJ 👩‍👩‍👧',
    '中文标点：“引号”、《书名》……',
    '"double" and \'single\' quotes',
  ];

  it.each(tricky)('round-trips %j as the same text', async (text) => {
    const { fetch, requests } = recordedFetch(echo);
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: [text],
      from: 'en',
      to: 'en',
      signal: signal(),
    });
    expect(result.translations).toEqual([text]);
    expect(requests[0]?.body).not.toMatch(/<script>/);
  });

  it('returns "&amp;lt;" from Google as the literal text "&lt;"', async () => {
    const { fetch } = recordedFetch(jsonResponse([['Use &amp;lt; for less-than'], ['en']]));
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['用 &lt; 表示小于'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result.translations).toEqual(['Use &lt; for less-than']);
  });

  it('carries line breaks inside an item as <br>', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse([['First line <br> second line<br/>third'], ['zh-CN']]),
    );
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['第一行\n第二行\r\n第三行'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(JSON.parse(requests[0]?.body ?? '')[0][0]).toEqual(['第一行<br>第二行<br>第三行']);
    expect(result.translations).toEqual(['First line\nsecond line\nthird']);
  });

  it('renders glossary terms through placeholders', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse([['This hot pot is {RB0}!'], ['zh-CN']]));
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['这家火锅绝绝子！'],
      from: 'auto',
      to: 'en',
      signal: signal(),
      glossary: [{ source: '绝绝子', target: 'absolutely amazing' }],
    });
    expect(JSON.parse(requests[0]?.body ?? '')[0][0]).toEqual(['这家火锅{RB0}！']);
    expect(result.translations).toEqual(['This hot pot is absolutely amazing!']);
  });

  it('falls back to a plain translation when Google drops the placeholder', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse([['This hot pot is great!'], ['zh-CN']]),
      jsonResponse([['This hot pot is amazing!'], ['zh-CN']]),
    );
    const result = await createGoogleHtmlProvider({ fetch }).translate({
      texts: ['这家火锅绝绝子！'],
      from: 'auto',
      to: 'en',
      signal: signal(),
      glossary: [{ source: '绝绝子', target: 'absolutely amazing' }],
    });
    expect(JSON.parse(requests[1]?.body ?? '')[0][0]).toEqual(['这家火锅绝绝子！']);
    expect(result.translations).toEqual(['This hot pot is amazing!']);
  });

  describeErrorMapping({
    create: (fetch) => createGoogleHtmlProvider({ fetch }),
    misaligned: () => jsonResponse([['Hello'], ['zh-CN']]),
    misalignedMessage: 'google-html: expected 2 translations, got 1',
  });
});

describe('plainTextToHtml / htmlToPlainText', () => {
  it('are inverses for text with markup-like content and line breaks', () => {
    const text = '<b>bold?</b>\n&nbsp; is text\n\n<br> too';
    expect(plainTextToHtml(text)).toBe(
      '&lt;b&gt;bold?&lt;/b&gt;<br>&amp;nbsp; is text<br><br>&lt;br&gt; too',
    );
    expect(htmlToPlainText(plainTextToHtml(text))).toBe(text);
  });
});
