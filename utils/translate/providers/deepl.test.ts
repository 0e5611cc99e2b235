import { createDeeplProvider, deeplSourceLanguage, deeplTargetLanguage } from './deepl';
import { describeErrorMapping, translationError } from './provider-contract.testing';
import { jsonResponse, recordedFetch, signal, textResponse } from './recorded-fetch.testing';

/** Recorded from api-free.deepl.com/v2/translate (auto → EN-US). */
const RECORDED_BATCH = {
  translations: [
    {
      detected_source_language: 'ZH',
      text: 'I went to a hot pot restaurant in Shanghai today and it was so good!',
    },
    { detected_source_language: 'ZH', text: '150 yuan per person, great value for money 😋' },
  ],
};

const texts = ['今天去了上海的一家火锅店，太好吃了！', '人均150元，性价比很高 😋'];

describe('deepl provider', () => {
  it('sends a typical batch to the free endpoint with the key in the Authorization header', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse(RECORDED_BATCH));
    await createDeeplProvider({ fetch, apiKey: 'abc-123:fx', plan: 'free' }).translate({
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(requests).toEqual([
      expect.objectContaining({
        url: 'https://api-free.deepl.com/v2/translate',
        method: 'POST',
        headers: { authorization: 'DeepL-Auth-Key abc-123:fx', 'content-type': 'application/json' },
        body: JSON.stringify({ text: texts, target_lang: 'EN-US' }),
      }),
    ]);
  });

  it('uses api.deepl.com for the pro plan and names the source language when known', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse({ translations: [{ detected_source_language: 'EN', text: '今天很开心' }] }),
    );
    await createDeeplProvider({ fetch, apiKey: 'pro-key', plan: 'pro' }).translate({
      texts: ['Happy today'],
      from: 'en',
      to: 'zh-CN',
      signal: signal(),
    });
    expect(requests[0]?.url).toBe('https://api.deepl.com/v2/translate');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      text: ['Happy today'],
      target_lang: 'ZH-HANS',
      source_lang: 'EN',
    });
  });

  it('parses translations and detected languages', async () => {
    const { fetch } = recordedFetch(jsonResponse(RECORDED_BATCH));
    const result = await createDeeplProvider({ fetch, apiKey: 'k', plan: 'free' }).translate({
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result).toEqual({
      translations: [
        'I went to a hot pot restaurant in Shanghai today and it was so good!',
        '150 yuan per person, great value for money 😋',
      ],
      detected: ['zh-CN', 'zh-CN'],
    });
  });

  it.each([
    ['zh-CN', 'ZH-HANS', 'ZH'],
    ['en', 'EN-US', 'EN'],
    ['pt', 'PT-BR', 'PT'],
    ['ja', 'JA', 'JA'],
    ['de', 'DE', 'DE'],
  ] as const)('language %s → target %s, source %s', (ours, target, source) => {
    expect(deeplTargetLanguage(ours)).toBe(target);
    expect(deeplSourceLanguage(ours)).toBe(source);
  });

  it('omits source_lang for auto', () => {
    expect(deeplSourceLanguage('auto')).toBeUndefined();
  });

  it('renders glossary terms through placeholders', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse({ translations: [{ detected_source_language: 'ZH', text: 'This look is {rb0}' }] }),
    );
    const result = await createDeeplProvider({ fetch, apiKey: 'k', plan: 'free' }).translate({
      texts: ['这套穿搭绝绝子'],
      from: 'auto',
      to: 'en',
      signal: signal(),
      glossary: [{ source: '绝绝子', target: 'absolutely amazing' }],
    });
    expect(JSON.parse(requests[0]?.body ?? '').text).toEqual(['这套穿搭{RB0}']);
    expect(result.translations).toEqual(['This look is absolutely amazing']);
  });

  it('maps 456 to quota and 403 to auth with DeepL messages kept', async () => {
    const quota = await translationError(
      createDeeplProvider({
        fetch: recordedFetch(jsonResponse({ message: 'Quota Exceeded' }, { status: 456 })).fetch,
        apiKey: 'k',
        plan: 'free',
      }),
      { texts: ['你好'], from: 'auto', to: 'en', signal: signal() },
    );
    expect(quota).toMatchObject({ kind: 'quota', details: { status: 456, provider: 'deepl' } });
    expect(quota.message).toContain('Quota Exceeded');

    const auth = await translationError(
      createDeeplProvider({
        fetch: recordedFetch(
          jsonResponse({ message: 'Wrong endpoint. Use https://api.deepl.com' }, { status: 403 }),
        ).fetch,
        apiKey: 'k',
        plan: 'free',
      }),
      { texts: ['你好'], from: 'auto', to: 'en', signal: signal() },
    );
    expect(auth.kind).toBe('auth');
    expect(auth.message).toContain('Wrong endpoint');
  });

  it('treats 529 (DeepL "too many requests") as rate-limited', async () => {
    const error = await translationError(
      createDeeplProvider({
        fetch: recordedFetch(textResponse('', { status: 529 })).fetch,
        apiKey: 'k',
        plan: 'free',
      }),
      { texts: ['你好'], from: 'auto', to: 'en', signal: signal() },
    );
    expect(error.kind).toBe('rate-limited');
  });

  describeErrorMapping({
    create: (fetch) => createDeeplProvider({ fetch, apiKey: 'k', plan: 'free' }),
    misaligned: () => jsonResponse({ translations: RECORDED_BATCH.translations.slice(0, 1) }),
    misalignedMessage: 'deepl: expected 2 translations, got 1',
  });
});
