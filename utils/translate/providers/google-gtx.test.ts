import { createGoogleGtxProvider } from './google-gtx';
import { describeErrorMapping } from './provider-contract.testing';
import { jsonResponse, recordedFetch, signal } from './recorded-fetch.testing';

/** Recorded from translate.googleapis.com/translate_a/single?client=gtx (auto → en). */
const RECORDED_SINGLE = [
  [
    ['Today I went to a hot pot restaurant in Shanghai. ', '今天去了上海的一家火锅店。', null, null, 10],
    ['It was delicious!\n', '太好吃了！\n', null, null, 10],
    ['Highly recommended', '强烈推荐', null, null, 10],
  ],
  null,
  'zh-CN',
  null,
  null,
  null,
  1,
  [],
  [['zh-CN'], null, [1], ['zh-CN']],
];

describe('google-gtx provider', () => {
  it('sends one GET per text with the text in the query', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse(RECORDED_SINGLE));
    await createGoogleGtxProvider({ fetch }).translate({
      texts: ['今天去了上海的一家火锅店。太好吃了！\n强烈推荐 & 😋'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', body: undefined });
    const url = new URL(requests[0]?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://translate.googleapis.com/translate_a/single');
    expect([...url.searchParams]).toEqual([
      ['client', 'gtx'],
      ['sl', 'auto'],
      ['tl', 'en'],
      ['dt', 't'],
      ['q', '今天去了上海的一家火锅店。太好吃了！\n强烈推荐 & 😋'],
    ]);
  });

  it('joins the sentence pieces and reports the detected language', async () => {
    const { fetch } = recordedFetch(jsonResponse(RECORDED_SINGLE));
    const result = await createGoogleGtxProvider({ fetch }).translate({
      texts: ['今天去了上海的一家火锅店。太好吃了！\n强烈推荐'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result).toEqual({
      translations: [
        'Today I went to a hot pot restaurant in Shanghai. It was delicious!\nHighly recommended',
      ],
      detected: ['zh-CN'],
    });
  });

  it('sends several texts one request at a time, in order', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse([[['Hello', '你好', null, null, 1]], null, 'zh-CN']),
      jsonResponse([[['World', '世界', null, null, 1]], null, 'zh-CN']),
    );
    const result = await createGoogleGtxProvider({ fetch }).translate({
      texts: ['你好', '世界'],
      from: 'zh-CN',
      to: 'en',
      signal: signal(),
    });
    expect(requests.map((request) => new URL(request.url).searchParams.get('q'))).toEqual(['你好', '世界']);
    expect(new URL(requests[0]?.url ?? '').searchParams.get('sl')).toBe('zh-CN');
    expect(result.translations).toEqual(['Hello', 'World']);
  });

  it('renders glossary terms through placeholders', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse([[['This is {RB0}', '这是{RB0}', null, null, 1]], null, 'zh-CN']),
    );
    const result = await createGoogleGtxProvider({ fetch }).translate({
      texts: ['这是种草'],
      from: 'auto',
      to: 'en',
      signal: signal(),
      glossary: [{ source: '种草', target: 'a must-buy' }],
    });
    expect(new URL(requests[0]?.url ?? '').searchParams.get('q')).toBe('这是{RB0}');
    expect(result.translations).toEqual(['This is a must-buy']);
  });

  describeErrorMapping({
    create: (fetch) => createGoogleGtxProvider({ fetch }),
    request: { texts: ['你好'] },
    misaligned: () => jsonResponse([[], null, 'zh-CN']),
    misalignedMessage: 'google-gtx: expected 1 translation, got 0',
  });
});
