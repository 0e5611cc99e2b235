// @vitest-environment node
// Node environment: the providers' fetch runs over node:http here, which wants Node's AbortSignal.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeeplProvider } from '../utils/translate/providers/deepl';
import { createGoogleGtxProvider } from '../utils/translate/providers/google-gtx';
import { createGoogleHtmlProvider } from '../utils/translate/providers/google-html';
import { createLibretranslateProvider } from '../utils/translate/providers/libretranslate';
import { createMicrosoftEdgeProvider } from '../utils/translate/providers/microsoft-edge';
import { MisalignedBatchError } from '../utils/translate/providers/misaligned-batch-error';
import { createOpenAiCompatibleProvider } from '../utils/translate/providers/openai-compatible';
import {
  ProviderError,
  type FetchLike,
  type ProviderRequest,
  type TranslationProvider,
} from '../utils/translate/types';
import { createFakeProvider } from './e2e/server/fake-provider';

const TRANSLATIONS = {
  今天天气很好: { en: 'The weather is nice today', ja: '今日はいい天気です' },
  '出去走走吧。顺便喝杯咖啡！': { en: "Let's go for a walk. And grab a coffee!" },
  'Happy weekend': { 'zh-CN': '周末愉快' },
};

let server: Server;
let port: number;
const fake = createFakeProvider({ translations: TRANSLATIONS });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (!fake.handle(req, res, url)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not a provider route');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  fake.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  fake.reset();
});

/**
 * Sends every request to the fake on 127.0.0.1 with the real host in the Host header, like the
 * e2e browser's host-resolver rules do. node:http, because Node's fetch does not let a caller
 * set Host.
 */
function hostRoutedFetch(): FetchLike {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(input);
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          method: init.method ?? 'GET',
          path: target.pathname + target.search,
          headers: { ...headers, host: target.host },
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const status = incoming.statusCode ?? 0;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined)
                responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const body = status === 204 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers: responseHeaders }));
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

function translateRequest(texts: string[], overrides: Partial<ProviderRequest> = {}): ProviderRequest {
  return { texts, from: 'auto', to: 'en', signal: new AbortController().signal, ...overrides };
}

async function failure(provider: TranslationProvider, req: ProviderRequest): Promise<ProviderError> {
  try {
    await provider.translate(req);
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected the translation to fail');
}

const routedFetch = hostRoutedFetch();
const providers = {
  'google-html': () => createGoogleHtmlProvider({ fetch: routedFetch }),
  'microsoft-edge': () => createMicrosoftEdgeProvider({ fetch: routedFetch }),
  'google-gtx': () => createGoogleGtxProvider({ fetch: routedFetch }),
  deepl: () => createDeeplProvider({ fetch: routedFetch, apiKey: 'good-key:fx', plan: 'free' }),
  'openai-compatible': () =>
    createOpenAiCompatibleProvider({
      fetch: routedFetch,
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-x',
    }),
  libretranslate: () =>
    createLibretranslateProvider({ fetch: routedFetch, baseUrl: 'https://libre.redbridge.test/' }),
} as const;
const providerIds = Object.keys(providers) as (keyof typeof providers)[];

describe('fake provider ↔ provider modules', () => {
  it.each(providerIds)('%s: known texts translate, unknown texts come back marked', async (id) => {
    const result = await providers[id]().translate(translateRequest(['  今天天气很好 ', '没见过的句子']));
    expect(result.translations).toEqual(['The weather is nice today', '⟦en⟧ 没见过的句子']);
    if (result.detected) expect(result.detected).toEqual(['zh-CN', 'zh-CN']);
    expect(
      fake.requests.map(({ provider, items, target, status }) => ({ provider, items, target, status })),
    ).toEqual(
      id === 'google-gtx'
        ? [
            { provider: id, items: 1, target: 'en', status: 200 },
            { provider: id, items: 1, target: 'en', status: 200 },
          ]
        : [{ provider: id, items: 2, target: 'en', status: 200 }],
    );
  });

  it.each(providerIds)('%s: target codes map back to ours (zh-CN)', async (id) => {
    const result = await providers[id]().translate(
      translateRequest(['Happy weekend'], { from: 'en', to: 'zh-CN' }),
    );
    expect(result.translations).toEqual(['周末愉快']);
    expect(fake.requests[0]?.target).toBe('zh-CN');
  });

  it('google-html: markup-like text and line breaks survive both escapings', async () => {
    const tricky = 'a < b && "c" \'d\' <script>alert(1)</script> &amp;\nsecond line';
    const result = await providers['google-html']().translate(translateRequest([tricky]));
    expect(result.translations).toEqual([`⟦en⟧ ${tricky}`]);
    expect(fake.requests[0]?.texts).toEqual([tricky]);
  });

  it('google-gtx: multi-sentence answers come back in pieces and are joined', async () => {
    const result = await providers['google-gtx']().translate(
      translateRequest(['出去走走吧。顺便喝杯咖啡！']),
    );
    expect(result.translations).toEqual(["Let's go for a walk. And grab a coffee!"]);
  });

  it('a glossary placeholder passes through the fake and is rendered', async () => {
    const glossary = [{ source: '绝绝子', target: 'absolutely amazing' }];
    const result = await providers.deepl().translate(translateRequest(['这家店绝绝子'], { glossary }));
    expect(fake.requests[0]?.texts).toEqual(['这家店{RB0}']);
    expect(result.translations).toEqual(['⟦en⟧ 这家店absolutely amazing']);
  });

  it('deepl: the pro plan reaches api.deepl.com, and "bad-key" is refused as auth', async () => {
    const pro = createDeeplProvider({ fetch: routedFetch, apiKey: 'pro-key', plan: 'pro' });
    await expect(pro.translate(translateRequest(['今天天气很好']))).resolves.toMatchObject({
      translations: ['The weather is nice today'],
    });
    const bad = createDeeplProvider({ fetch: routedFetch, apiKey: 'bad-key', plan: 'free' });
    const error = await failure(bad, translateRequest(['今天天气很好']));
    expect(error).toMatchObject({ kind: 'auth', details: { status: 403 } });
    expect(fake.requests.map((entry) => entry.status)).toEqual([200, 403]);
  });

  it('openai-compatible: "bad-key" is refused, a keyless local server is served', async () => {
    const bad = createOpenAiCompatibleProvider({
      fetch: routedFetch,
      baseUrl: 'https://api.openai.com/v1',
      model: 'm',
      apiKey: 'bad-key',
    });
    expect((await failure(bad, translateRequest(['今天天气很好']))).kind).toBe('auth');
    const local = createOpenAiCompatibleProvider({
      fetch: routedFetch,
      baseUrl: 'http://ollama.redbridge.test:11434/v1',
      model: 'qwen2.5',
    });
    await expect(local.translate(translateRequest(['今天天气很好']))).resolves.toEqual({
      translations: ['The weather is nice today'],
    });
  });
});

describe('fake LibreTranslate keys', () => {
  it('refuses "bad-key" with 403 and serves any other key', async () => {
    const make = (apiKey: string) =>
      createLibretranslateProvider({ fetch: routedFetch, baseUrl: 'https://libre.redbridge.test/', apiKey });
    await expect(make('good-key').translate(translateRequest(['今天天气很好']))).resolves.toMatchObject({
      translations: ['The weather is nice today'],
    });
    expect(await failure(make('bad-key'), translateRequest(['今天天气很好']))).toMatchObject({
      kind: 'auth',
      details: { status: 403 },
    });
  });
});

describe('fault injection', () => {
  it('429 with Retry-After reaches the provider as rate-limited, then service resumes', async () => {
    fake.faults.push('google-html', { status: 429, retryAfterSeconds: 7 });
    const provider = providers['google-html']();
    const error = await failure(provider, translateRequest(['今天天气很好']));
    expect(error).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 7000 } });
    await expect(provider.translate(translateRequest(['今天天气很好']))).resolves.toMatchObject({
      translations: ['The weather is nice today'],
    });
    expect(fake.requestsFor('google-html').map((entry) => [entry.status, entry.fault])).toEqual([
      [429, { status: 429, retryAfterSeconds: 7 }],
      [200, undefined],
    ]);
  });

  it('faults are consumed one per request, in order, per provider', async () => {
    fake.faults.push('microsoft-edge', { status: 500 }, { status: 456 });
    fake.faults.push('deepl', { status: 503 });
    expect(fake.faults.pending('microsoft-edge')).toBe(2);
    const edge = providers['microsoft-edge']();
    expect((await failure(edge, translateRequest(['今天天气很好']))).kind).toBe('server');
    expect((await failure(edge, translateRequest(['今天天气很好']))).kind).toBe('quota');
    await expect(edge.translate(translateRequest(['今天天气很好']))).resolves.toBeTruthy();
    expect(fake.faults.pending('deepl')).toBe(1);
  });

  it.each([
    ['google-html', 'google-html: expected 2 translations, got 1'],
    ['microsoft-edge', 'microsoft-edge: expected 2 translations, got 1'],
    ['deepl', 'deepl: expected 2 translations, got 1'],
    ['libretranslate', 'libretranslate: expected 2 translations, got 1'],
    ['openai-compatible', 'openai-compatible: 1 of 2 translations missing or duplicated (indexes 1)'],
  ] as const)('%s: a misaligned answer is a bad-response', async (id, message) => {
    fake.faults.push(id, { misaligned: true });
    const error = await failure(providers[id](), translateRequest(['今天天气很好', '没见过的句子']));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toBe(message);
    if (id === 'openai-compatible')
      expect((error as MisalignedBatchError).partial).toEqual(['The weather is nice today', undefined]);
  });

  it('google-gtx: a misaligned answer has no pieces', async () => {
    fake.faults.push('google-gtx', { misaligned: true });
    const error = await failure(providers['google-gtx'](), translateRequest(['今天天气很好']));
    expect(error.message).toBe('google-gtx: expected 1 translation, got 0');
  });

  it('a hanging request is abortable, and a short hang answers late but normally', async () => {
    fake.faults.push('libretranslate', { hangMs: 35_000 }, { hangMs: 120 });
    const provider = providers.libretranslate();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const error = await failure(provider, translateRequest(['今天天气很好'], { signal: controller.signal }));
    expect(error.kind).toBe('cancelled');

    const started = Date.now();
    await expect(provider.translate(translateRequest(['今天天气很好']))).resolves.toMatchObject({
      translations: ['The weather is nice today'],
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(fake.requests.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it('failAlways keeps failing until recover', async () => {
    fake.faults.failAlways('google-gtx', { status: 429, retryAfterSeconds: 30 });
    const provider = providers['google-gtx']();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await failure(provider, translateRequest(['今天天气很好']))).details.retryAfterMs).toBe(30_000);
    }
    fake.faults.recover('google-gtx');
    await expect(provider.translate(translateRequest(['今天天气很好']))).resolves.toBeTruthy();
  });

  it('latency is applied per request and adjustable at run time', async () => {
    fake.latencyMs = 150;
    const started = Date.now();
    await providers['microsoft-edge']().translate(translateRequest(['今天天气很好']));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    fake.reset();
    expect(fake.latencyMs).toBe(0);
  });
});

describe('request log', () => {
  it('records time, provider, item count, characters and texts', async () => {
    const before = Date.now();
    await providers.deepl().translate(translateRequest(['今天天气很好', 'Happy weekend']));
    expect(fake.requests).toEqual([
      {
        time: expect.any(Number),
        provider: 'deepl',
        texts: ['今天天气很好', 'Happy weekend'],
        items: 2,
        characters: 6 + 13,
        target: 'en',
        status: 200,
      },
    ]);
    expect(fake.requests[0]?.time).toBeGreaterThanOrEqual(before);
    fake.reset();
    expect(fake.requests).toEqual([]);
  });
});

describe('http behaviour', () => {
  const raw = (path: string, host: string, init: RequestInit = {}) =>
    routedFetch(`http://${host}${path}`, init).then(async (response) => ({
      status: response.status,
      headers: response.headers,
      body: await response.text(),
    }));

  it('answers CORS preflights without logging them', async () => {
    const response = await raw('/v2/translate', 'api-free.deepl.com', {
      method: 'OPTIONS',
      headers: {
        'Access-Control-Request-Headers': 'authorization,content-type',
        Origin: 'chrome-extension://abc',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(fake.requests).toEqual([]);
  });

  it('allows any origin on answers and exposes Retry-After', async () => {
    fake.faults.push('microsoft-edge', { status: 429, retryAfterSeconds: 2 });
    const response = await raw('/translate/translatetext?from=&to=en', 'edge.microsoft.com', {
      method: 'POST',
      body: '["你好"]',
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('leaves other paths on provider hosts to the caller', async () => {
    expect((await raw('/v1/other', 'translate-pa.googleapis.com')).status).toBe(404);
    expect((await raw('/v1/models', 'api.openai.com')).status).toBe(404);
  });

  it('answers an unreadable body with 400 and logs it', async () => {
    const response = await raw('/translate', 'libre.redbridge.test', { method: 'POST', body: 'q=hello' });
    expect(response.status).toBe(400);
    expect(fake.requests.map((entry) => [entry.provider, entry.status])).toEqual([['libretranslate', 400]]);
  });

  it('releases a hanging request when the fake closes, so the server can stop', async () => {
    const own = createFakeProvider({ translations: {} });
    own.faults.push('google-html', { hangMs: 35_000 });
    const ownServer = createServer((req, res) => {
      own.handle(req, res, new URL(req.url ?? '/', `http://${req.headers.host ?? ''}`));
    });
    await new Promise<void>((resolve) => ownServer.listen(0, '127.0.0.1', resolve));
    const ownPort = (ownServer.address() as AddressInfo).port;
    const pending = new Promise<string>((resolve) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: ownPort,
          method: 'POST',
          path: '/v1/translateHtml',
          headers: { host: 'translate-pa.googleapis.com' },
        },
        () => resolve('answered'),
      );
      outgoing.on('error', () => resolve('connection closed'));
      outgoing.end('[[["你好"],"auto","en"],"wt_lib"]');
    });
    await vi.waitFor(() => expect(own.requests).toHaveLength(1));

    const started = Date.now();
    own.close();
    ownServer.closeAllConnections();
    await new Promise((resolve) => ownServer.close(resolve));
    expect(await pending).toBe('connection closed');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
