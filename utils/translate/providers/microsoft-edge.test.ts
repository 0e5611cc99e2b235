import { createMicrosoftEdgeProvider, microsoftLanguageCode } from './microsoft-edge';
import { describeErrorMapping } from './provider-contract.testing';
import { jsonResponse, recordedFetch, signal } from './recorded-fetch.testing';

/** Recorded from edge.microsoft.com/translate/translatetext (auto → en). */
const RECORDED_BATCH = [
  {
    detectedLanguage: { language: 'zh-Hans', score: 1.0 },
    translations: [
      { text: 'Went to a hot pot restaurant in Shanghai today, it was so delicious!', to: 'en' },
    ],
  },
  {
    detectedLanguage: { language: 'zh-Hans', score: 0.98 },
    translations: [{ text: '150 yuan per capita, very cost-effective 😋', to: 'en' }],
  },
];

describe('microsoft-edge provider', () => {
  it('sends a typical batch as a JSON array with codes in the query', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse(RECORDED_BATCH));
    await createMicrosoftEdgeProvider({ fetch }).translate({
      texts: ['今天去了上海的一家火锅店，太好吃了！', '人均150元，性价比很高 😋'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(requests).toEqual([
      expect.objectContaining({
        url: 'https://edge.microsoft.com/translate/translatetext?from=&to=en&isEnterpriseClient=false',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '["今天去了上海的一家火锅店，太好吃了！","人均150元，性价比很高 😋"]',
      }),
    ]);
  });

  it('parses translations and detected languages', async () => {
    const { fetch } = recordedFetch(jsonResponse(RECORDED_BATCH));
    const result = await createMicrosoftEdgeProvider({ fetch }).translate({
      texts: ['今天去了上海的一家火锅店，太好吃了！', '人均150元，性价比很高 😋'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result).toEqual({
      translations: [
        'Went to a hot pot restaurant in Shanghai today, it was so delicious!',
        '150 yuan per capita, very cost-effective 😋',
      ],
      detected: ['zh-CN', 'zh-CN'],
    });
  });

  it('maps zh-CN to zh-Hans both ways and keeps plain text as is (no HTML handling)', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse([{ translations: [{ text: '<b>不是</b> 标记 & 符号', to: 'zh-Hans' }] }]),
    );
    const result = await createMicrosoftEdgeProvider({ fetch }).translate({
      texts: ['<b>not</b> markup & signs'],
      from: 'en',
      to: 'zh-CN',
      signal: signal(),
    });
    expect(requests[0]?.url).toBe(
      'https://edge.microsoft.com/translate/translatetext?from=en&to=zh-Hans&isEnterpriseClient=false',
    );
    expect(requests[0]?.body).toBe('["<b>not</b> markup & signs"]');
    expect(result).toEqual({ translations: ['<b>不是</b> 标记 & 符号'], detected: [undefined] });
  });

  it.each([
    ['zh-CN', 'zh-Hans'],
    ['pt', 'pt'],
    ['ja', 'ja'],
    ['auto', ''],
  ] as const)('language code %s → %j', (ours, theirs) => {
    expect(microsoftLanguageCode(ours)).toBe(theirs);
  });

  it('renders glossary terms through placeholders', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse([{ translations: [{ text: 'This lipstick is { RB0 }', to: 'en' }] }]),
    );
    const result = await createMicrosoftEdgeProvider({ fetch }).translate({
      texts: ['这支口红yyds'],
      from: 'zh-CN',
      to: 'en',
      signal: signal(),
      glossary: [{ source: 'yyds', target: 'the GOAT' }],
    });
    expect(requests[0]?.body).toBe('["这支口红{RB0}"]');
    expect(result.translations).toEqual(['This lipstick is the GOAT']);
  });

  it('rejects an entry without translation text', async () => {
    const { fetch } = recordedFetch(jsonResponse([{ translations: [] }]));
    await expect(
      createMicrosoftEdgeProvider({ fetch }).translate({
        texts: ['你好'],
        from: 'auto',
        to: 'en',
        signal: signal(),
      }),
    ).rejects.toMatchObject({
      kind: 'bad-response',
      message: 'microsoft-edge: result 0 has no translation text',
    });
  });

  describeErrorMapping({
    create: (fetch) => createMicrosoftEdgeProvider({ fetch }),
    misaligned: () => jsonResponse(RECORDED_BATCH.slice(0, 1)),
    misalignedMessage: 'microsoft-edge: expected 2 translations, got 1',
  });
});
