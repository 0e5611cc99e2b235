import { endpointUrl } from './base-url';
import { createLibretranslateProvider, libretranslateLanguageCode } from './libretranslate';
import { describeErrorMapping } from './provider-contract.testing';
import { jsonResponse, recordedFetch, signal } from './recorded-fetch.testing';

/** Recorded from a LibreTranslate 1.6 server (auto → en). */
const RECORDED_BATCH = {
  detectedLanguage: [
    { confidence: 90.0, language: 'zh-Hans' },
    { confidence: 83.0, language: 'zh-Hans' },
  ],
  translatedText: [
    'Today I went to a hot pot in Shanghai, it was delicious!',
    'Per capita 150 yuan, cost-effective 😋',
  ],
};

const texts = ['今天去了上海的一家火锅店，太好吃了！', '人均150元，性价比很高 😋'];

describe('libretranslate provider', () => {
  it('sends a typical batch to {baseUrl}/translate', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse(RECORDED_BATCH));
    await createLibretranslateProvider({
      fetch,
      baseUrl: 'https://libre.example.org/',
      apiKey: 'lt-key',
    }).translate({
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(requests).toEqual([
      expect.objectContaining({
        url: 'https://libre.example.org/translate',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q: texts, source: 'auto', target: 'en', format: 'text', api_key: 'lt-key' }),
      }),
    ]);
  });

  it('omits api_key when there is none and maps zh-CN to zh', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse({ translatedText: ['今天很开心'] }));
    await createLibretranslateProvider({ fetch, baseUrl: 'http://localhost:5000' }).translate({
      texts: ['Happy today'],
      from: 'en',
      to: 'zh-CN',
      signal: signal(),
    });
    expect(requests[0]?.url).toBe('http://localhost:5000/translate');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      q: ['Happy today'],
      source: 'en',
      target: 'zh',
      format: 'text',
    });
  });

  it('parses translations and detected languages', async () => {
    const { fetch } = recordedFetch(jsonResponse(RECORDED_BATCH));
    const result = await createLibretranslateProvider({
      fetch,
      baseUrl: 'https://libre.example.org',
    }).translate({
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result).toEqual({ translations: RECORDED_BATCH.translatedText, detected: ['zh-CN', 'zh-CN'] });
  });

  it('accepts the single-string answer shape for a single text', async () => {
    const { fetch } = recordedFetch(
      jsonResponse({ detectedLanguage: { confidence: 92, language: 'zh' }, translatedText: 'Hello' }),
    );
    const result = await createLibretranslateProvider({
      fetch,
      baseUrl: 'https://libre.example.org',
    }).translate({
      texts: ['你好'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result).toEqual({ translations: ['Hello'], detected: ['zh-CN'] });
  });

  it('renders glossary terms through placeholders', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse({ translatedText: ['Today {RB0}'] }));
    const result = await createLibretranslateProvider({
      fetch,
      baseUrl: 'https://libre.example.org',
    }).translate({
      texts: ['今日OOTD'],
      from: 'auto',
      to: 'en',
      signal: signal(),
      glossary: [{ source: 'OOTD', target: 'outfit of the day' }],
    });
    expect(JSON.parse(requests[0]?.body ?? '').q).toEqual(['今日{RB0}']);
    expect(result.translations).toEqual(['Today outfit of the day']);
  });

  it.each([
    ['zh-CN', 'zh'],
    ['en', 'en'],
    ['pt', 'pt'],
    ['auto', 'auto'],
  ] as const)('language code %s → %s', (ours, theirs) => {
    expect(libretranslateLanguageCode(ours)).toBe(theirs);
  });

  describeErrorMapping({
    create: (fetch) => createLibretranslateProvider({ fetch, baseUrl: 'https://libre.example.org' }),
    misaligned: () => jsonResponse({ translatedText: ['only one'] }),
    misalignedMessage: 'libretranslate: expected 2 translations, got 1',
  });
});

describe('endpointUrl', () => {
  it.each([
    ['https://libre.example.org', 'https://libre.example.org/translate'],
    ['https://libre.example.org/', 'https://libre.example.org/translate'],
    ['https://libre.example.org//', 'https://libre.example.org/translate'],
    [' https://example.org/lt/ ', 'https://example.org/lt/translate'],
    ['https://libre.example.org/translate', 'https://libre.example.org/translate'],
  ])('joins %j', (base, url) => {
    expect(endpointUrl(base, 'translate')).toBe(url);
  });
});
