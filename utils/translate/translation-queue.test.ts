import { cacheKey } from './cache-key';
import { MemoryTranslationCache } from './memory-translation-cache';
import { createProviderChain } from './provider-chain';
import { ProviderHealth } from './provider-health';
import type { StatsDelta } from './stats-store';
import { FakeProvider, GENEROUS_LIMITS, after, hang, prefixWith, type FakeBehaviour } from './fakes.testing';
import { createTranslationQueue, QUEUE_DEFAULTS, type TranslationQueueOptions } from './translation-queue';
import {
  ProviderError,
  type ProviderLimits,
  type SourceLanguage,
  type Priority,
  type TranslateRequest,
  type TranslateResult,
} from './types';
import type { LanguageCode } from '../language/languages';

function request(
  requestId: string,
  segments: string[],
  priority: Priority = 'visible',
  to: LanguageCode = 'en',
  from: SourceLanguage = 'zh-CN',
): TranslateRequest {
  return { requestId, segments, from, to, priority };
}

function track(promise: Promise<TranslateResult>) {
  const state: { settled: boolean; value?: TranslateResult; error?: ProviderError } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: ProviderError) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

function limits(overrides: Partial<ProviderLimits>): ProviderLimits {
  return { ...GENEROUS_LIMITS, ...overrides };
}

function setup(
  providers: FakeProvider[] = [new FakeProvider('google-html')],
  options: Partial<TranslationQueueOptions> & { health?: ProviderHealth; maxRetries?: number } = {},
) {
  const cache = new MemoryTranslationCache();
  const getMany = vi.spyOn(cache, 'getMany');
  const putMany = vi.spyOn(cache, 'putMany');
  const chain = createProviderChain({
    providers,
    health: options.health ?? new ProviderHealth(),
    random: () => 0.5,
    maxRetries: options.maxRetries,
  });
  const stats: StatsDelta[] = [];
  const queue = createTranslationQueue({
    chain,
    cache,
    engineFor: () => 'default',
    onStats: (delta) => stats.push(delta),
    ...options,
  });
  return { queue, cache, getMany, putMany, stats, chain };
}

const key = (text: string, to: LanguageCode = 'en') => cacheKey('default', 'zh-CN', to, text);

/** Sums stats deltas the way the stats store would. */
function total(deltas: StatsDelta[]): Required<StatsDelta> {
  const sum = { unitsTranslated: 0, requests: 0, characters: 0, cacheHits: 0 };
  for (const delta of deltas) {
    for (const counter of Object.keys(sum) as (keyof typeof sum)[]) sum[counter] += delta[counter] ?? 0;
  }
  return sum;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('batching', () => {
  it('gathers misses for the batch window, then sends them in one request', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    const first = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(10);
    const second = track(queue.translate(request('r2', ['二'])));
    await vi.advanceTimersByTimeAsync(19);
    expect(google.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(google.batches).toEqual([['一', '二']]);
    expect(google.calls[0]!.at).toBe(30);
    expect(first.value).toEqual({ translations: ['google-html:一'], provider: 'google-html' });
    expect(second.value).toEqual({ translations: ['google-html:二'], provider: 'google-html' });
  });

  it('honours a configured window', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google], { batchWindowMs: 100 });
    void queue.translate(request('r1', ['一']));
    await vi.advanceTimersByTimeAsync(99);
    expect(google.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(google.calls).toHaveLength(1);
  });

  it('sends full batches at once and the remainder when the window ends (item limit)', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'), limits({ maxItems: 2 }));
    const { queue } = setup([google]);
    const result = track(queue.translate(request('r1', ['a', 'b', 'c', 'd', 'e'])));
    await vi.advanceTimersByTimeAsync(0);
    expect(google.batches).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(google.calls.map((call) => call.at)).toEqual([0, 0, 30]);
    expect(result.value?.translations).toEqual(['g:a', 'g:b', 'g:c', 'g:d', 'g:e']);
  });

  it('cuts batches by the character limit', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'), limits({ maxChars: 10 }));
    const { queue } = setup([google]);
    void queue.translate(request('r1', ['aaaa', 'bbbb', 'cccc', 'dd']));
    await vi.advanceTimersByTimeAsync(0);
    expect(google.batches).toEqual([['aaaa', 'bbbb']]); // cccc would not fit: this batch is full
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([
      ['aaaa', 'bbbb'],
      ['cccc', 'dd'],
    ]);
  });

  it('keeps engines and language pairs in separate batches', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google], { engineFor: (to) => (to === 'ja' ? 'deepl' : 'default') });
    const english = track(queue.translate(request('r1', ['一'], 'visible', 'en')));
    const japanese = track(queue.translate(request('r2', ['一'], 'visible', 'ja')));
    await vi.advanceTimersByTimeAsync(30);
    expect(google.calls.map((call) => [call.to, call.texts])).toEqual([
      ['en', ['一']],
      ['ja', ['一']],
    ]);
    expect(english.value?.translations).toEqual(['google-html:一']);
    expect(japanese.value?.translations).toEqual(['google-html:一']);
  });

  it('answers blank segments as they are, without a request', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    const result = track(queue.translate(request('r1', ['', '一', '  '])));
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['一']]);
    expect(result.value).toEqual({ translations: ['', 'google-html:一', '  '], provider: 'google-html' });
    await expect(queue.translate(request('r2', []))).resolves.toEqual({
      translations: [],
      provider: 'cache',
    });
  });

  it('passes the glossary for the batch to the chain', async () => {
    const google = new FakeProvider('google-html');
    const glossaryFor = vi.fn(() => [{ source: '种草', target: 'must-try' }]);
    const { queue } = setup([google], { glossaryFor });
    void queue.translate(request('r1', ['种草了']));
    await vi.advanceTimersByTimeAsync(30);
    expect(glossaryFor).toHaveBeenCalledWith(['种草了'], 'zh-CN', 'en');
    expect(google.calls[0]!.glossary).toEqual([{ source: '种草', target: 'must-try' }]);
  });

  it('keys a text by the glossary rules that apply to it, so a changed rendering re-translates it alone', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'));
    let rendering = 'must-try';
    const { queue, cache } = setup([google], {
      glossaryKeyFor: (text) => (text.includes('种草') ? rendering : ''),
    });
    await cache.putMany([
      { key: key('今天'), text: '今天', translation: 'today', provider: 'deepl' },
      { key: key('种草了'), text: '种草了', translation: 'planted grass', provider: 'deepl' },
    ]);
    const first = track(queue.translate(request('r1', ['今天', '种草了'])));
    await vi.advanceTimersByTimeAsync(30);
    // The cached '种草了' was made without the rule: it is sent again; '今天' is still a hit.
    expect(google.batches).toEqual([['种草了']]);
    expect(first.value?.translations).toEqual(['today', 'g:种草了']);

    rendering = 'recommended';
    const second = track(queue.translate(request('r2', ['今天', '种草了'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['种草了'], ['种草了']]);
    expect(second.value?.translations).toEqual(['today', 'g:种草了']);
    const [stored] = await cache.getMany([
      { key: cacheKey('default+gmust-try', 'zh-CN', 'en', '种草了'), text: '种草了' },
    ]);
    expect(stored?.translation).toBe('g:种草了');
  });
});

describe('deduplication and cache', () => {
  it('sends a text needed by concurrent requests once and answers all of them', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'));
    const { queue } = setup([google]);
    const first = track(queue.translate(request('r1', ['一', '二', '一'])));
    const second = track(queue.translate(request('r2', ['二', '三'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['一', '二', '三']]);
    expect(first.value?.translations).toEqual(['g:一', 'g:二', 'g:一']);
    expect(second.value?.translations).toEqual(['g:二', 'g:三']);
  });

  it('does not send a text again while its first request is in flight', async () => {
    const google = new FakeProvider('google-html', after(1_000, prefixWith('g')));
    const { queue } = setup([google]);
    const first = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(500);
    const second = track(queue.translate(request('r2', ['一'])));
    await vi.advanceTimersByTimeAsync(600);
    expect(google.batches).toEqual([['一']]);
    expect(first.value?.translations).toEqual(['g:一']);
    expect(second.value).toEqual({ translations: ['g:一'], provider: 'google-html' });
  });

  it('looks every segment up in one cache read and answers hits without a provider', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'));
    const { queue, cache, getMany, putMany } = setup([google]);
    await cache.putMany([{ key: key('一'), text: '一', translation: 'one', provider: 'deepl' }]);
    putMany.mockClear();

    const mixed = track(queue.translate(request('r1', ['一', '二'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(getMany.mock.calls[0]![0]).toEqual([
      { key: key('一'), text: '一' },
      { key: key('二'), text: '二' },
    ]);
    expect(google.batches).toEqual([['二']]);
    expect(mixed.value).toEqual({ translations: ['one', 'g:二'], provider: 'google-html' });
    expect(putMany).toHaveBeenCalledWith([
      { key: key('二'), text: '二', translation: 'g:二', provider: 'google-html' },
    ]);

    const cached = track(queue.translate(request('r2', ['二', '一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(cached.value).toEqual({ translations: ['g:二', 'one'], provider: 'cache' });
    expect(google.calls).toHaveLength(1);
  });

  it('caches a fallback’s output under the fallback, so the chosen provider translates it later', async () => {
    const deepl = new FakeProvider('deepl', () => {
      throw new ProviderError('auth', 'key refused', { provider: 'deepl' });
    });
    const google = new FakeProvider('google-html', prefixWith('g'));
    const { queue, putMany } = setup([deepl, google], {
      engineFor: () => 'deepl',
      engineOf: (provider) => provider,
    });
    const first = track(queue.translate(request('r1', ['三'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(first.value).toEqual({ translations: ['g:三'], provider: 'google-html' });
    expect(putMany).toHaveBeenCalledWith([
      {
        key: cacheKey('google-html', 'zh-CN', 'en', '三'),
        text: '三',
        translation: 'g:三',
        provider: 'google-html',
      },
    ]);
    await vi.advanceTimersByTimeAsync(0);

    // Asked again under DeepL, the text is a miss: the fallback's output is not served as DeepL's.
    const second = track(queue.translate(request('r2', ['三'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(second.value?.provider).not.toBe('cache');
    expect(google.batches).toEqual([['三'], ['三']]);
  });

  it('answers a repeat from memory while the cache write is still in progress', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'));
    const { queue, putMany, getMany } = setup([google]);
    let finishWrite: () => void = () => undefined;
    putMany.mockImplementation(() => new Promise<void>((resolve) => (finishWrite = resolve)));
    const first = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(first.value?.translations).toEqual(['g:一']);
    getMany.mockClear();
    const repeat = track(queue.translate(request('r2', ['一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(repeat.value).toEqual({ translations: ['g:一'], provider: 'cache' });
    expect(getMany).not.toHaveBeenCalled();
    expect(google.calls).toHaveLength(1);
    expect(queue.snapshot().entries).toBe(1);
    finishWrite();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot().entries).toBe(0);
  });

  it('still translates when the cache cannot be read, and reports it', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'));
    const onError = vi.fn();
    const { queue, getMany } = setup([google], { onError });
    getMany.mockRejectedValue(new Error('IndexedDB broke'));
    const result = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(result.value?.translations).toEqual(['g:一']);
    expect(onError).toHaveBeenCalledWith(new Error('IndexedDB broke'));
  });
});

describe('priority', () => {
  it('orders texts visible, then near, then idle within a batch', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    void queue.translate(request('r1', ['idle'], 'idle'));
    void queue.translate(request('r2', ['near'], 'near'));
    void queue.translate(request('r3', ['visible'], 'visible'));
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['visible', 'near', 'idle']]);
  });

  it('sends waiting batches by priority when a slot frees', async () => {
    const google = new FakeProvider(
      'google-html',
      after(100, prefixWith('g')),
      limits({ maxItems: 1, concurrency: 1 }),
    );
    const { queue } = setup([google]);
    void queue.translate(request('r0', ['blocker']));
    await vi.advanceTimersByTimeAsync(0);
    void queue.translate(request('r1', ['a'], 'idle'));
    void queue.translate(request('r2', ['b'], 'near'));
    void queue.translate(request('r3', ['c'], 'visible'));
    void queue.translate(request('r4', ['d'], 'near'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(google.batches).toEqual([['blocker'], ['c'], ['b'], ['d'], ['a']]);
  });

  it('upgrades a waiting text when a more urgent request needs it', async () => {
    const google = new FakeProvider(
      'google-html',
      after(100, prefixWith('g')),
      limits({ maxItems: 1, concurrency: 1 }),
    );
    const { queue } = setup([google]);
    void queue.translate(request('r0', ['blocker']));
    await vi.advanceTimersByTimeAsync(0);
    void queue.translate(request('r1', ['a'], 'idle'));
    void queue.translate(request('r2', ['b'], 'idle'));
    void queue.translate(request('r3', ['c'], 'near'));
    await vi.advanceTimersByTimeAsync(10);
    void queue.translate(request('r4', ['b'], 'visible'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(google.batches).toEqual([['blocker'], ['b'], ['c'], ['a']]);
  });
});

describe('texts fetched ahead of the reader', () => {
  it('gathers texts only near the viewport for the near window, and never longer', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    void queue.translate(request('r1', ['a'], 'near'));
    await vi.advanceTimersByTimeAsync(120);
    void queue.translate(request('r2', ['b'], 'near'));
    await vi.advanceTimersByTimeAsync(QUEUE_DEFAULTS.nearWindowMs - 121);
    expect(google.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(google.batches).toEqual([['a', 'b']]);
    // A text that comes after the window ended opens a window of its own.
    void queue.translate(request('r3', ['c'], 'near'));
    await vi.advanceTimersByTimeAsync(QUEUE_DEFAULTS.nearWindowMs);
    expect(google.batches).toEqual([['a', 'b'], ['c']]);
  });

  it('sends held texts along with the next text that is in view', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    void queue.translate(request('r1', ['a', 'b'], 'near'));
    await vi.advanceTimersByTimeAsync(100);
    void queue.translate(request('r2', ['c'], 'visible'));
    await vi.advanceTimersByTimeAsync(29);
    expect(google.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(google.batches).toEqual([['c', 'a', 'b']]);
  });

  it('sends a held text within the batch window once its unit is in view', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    const held = track(queue.translate(request('r1', ['a'], 'near')));
    await vi.advanceTimersByTimeAsync(100);
    expect(queue.prioritize(['r1'], 'visible')).toBe(1);
    expect(queue.prioritize(['unknown'], 'visible')).toBe(0);
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['a']]);
    await vi.advanceTimersByTimeAsync(0);
    expect(held.value?.translations).toEqual(['google-html:a']);
  });

  it('sends a full batch of held texts at once', async () => {
    const google = new FakeProvider('google-html', undefined, limits({ maxItems: 2 }));
    const { queue } = setup([google]);
    void queue.translate(request('r1', ['a', 'b', 'c'], 'near'));
    await vi.advanceTimersByTimeAsync(0);
    expect(google.batches).toEqual([['a', 'b']]);
  });
});

describe('cancellation', () => {
  it('drops texts not yet sent: no provider call, the request rejects as cancelled', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    const result = track(queue.translate(request('r1', ['一', '二'])));
    await vi.advanceTimersByTimeAsync(5);
    expect(queue.cancel(['r1'])).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(result.error).toMatchObject({ kind: 'cancelled' });
    expect(google.calls).toHaveLength(0);
    expect(queue.snapshot()).toEqual({ requests: 0, waiting: 0, inFlightBatches: 0, entries: 0 });
    expect(queue.cancel(['r1', 'unknown'])).toBe(0);
  });

  it('drops texts whose cache lookup was still running', async () => {
    const google = new FakeProvider('google-html');
    const { queue } = setup([google]);
    const result = track(queue.translate(request('r1', ['一'])));
    queue.cancel(['r1']);
    await vi.advanceTimersByTimeAsync(100);
    expect(result.error).toMatchObject({ kind: 'cancelled' });
    expect(google.calls).toHaveLength(0);
    expect(queue.snapshot().entries).toBe(0);
  });

  it('still sends a shared text another live request needs', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'));
    const { queue } = setup([google]);
    const cancelled = track(queue.translate(request('r1', ['x', 'y'])));
    const kept = track(queue.translate(request('r2', ['x'])));
    await vi.advanceTimersByTimeAsync(5);
    queue.cancel(['r1']);
    await vi.advanceTimersByTimeAsync(30);
    expect(google.batches).toEqual([['x']]);
    expect(cancelled.error).toMatchObject({ kind: 'cancelled' });
    expect(kept.value?.translations).toEqual(['g:x']);
  });

  it('lets a batch already sent finish into the cache', async () => {
    const google = new FakeProvider('google-html', after(1_000, prefixWith('g')));
    const { queue, putMany } = setup([google]);
    const result = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(500);
    queue.cancel(['r1']);
    await vi.advanceTimersByTimeAsync(0);
    expect(result.error).toMatchObject({ kind: 'cancelled' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(putMany).toHaveBeenCalledWith([
      { key: key('一'), text: '一', translation: 'g:一', provider: 'google-html' },
    ]);
    const again = track(queue.translate(request('r2', ['一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(again.value?.provider).toBe('cache');
    expect(google.calls).toHaveLength(1);
  });

  it('cancels every live request that shares an id', async () => {
    const { queue } = setup();
    const a = track(queue.translate(request('same', ['一'])));
    const b = track(queue.translate(request('same', ['二'])));
    expect(queue.cancel(['same'])).toBe(2);
    await vi.advanceTimersByTimeAsync(0);
    expect([a.error?.kind, b.error?.kind]).toEqual(['cancelled', 'cancelled']);
  });
});

describe('limits', () => {
  it('keeps batches in flight within the provider concurrency', async () => {
    const google = new FakeProvider(
      'google-html',
      after(100, prefixWith('g')),
      limits({ maxItems: 1, concurrency: 2 }),
    );
    const { queue } = setup([google]);
    const result = track(queue.translate(request('r1', ['a', 'b', 'c', 'd', 'e'])));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot()).toMatchObject({ waiting: 3, inFlightBatches: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(google.maxActive).toBe(2);
    expect(google.calls.map((call) => call.at)).toEqual([0, 0, 100, 100, 200]);
    expect(result.value?.translations).toEqual(['g:a', 'g:b', 'g:c', 'g:d', 'g:e']);
  });

  it('keeps to the provider request rate', async () => {
    const google = new FakeProvider(
      'google-html',
      prefixWith('g'),
      limits({ maxItems: 1, requestsPerSecond: 2 }),
    );
    const { queue } = setup([google]);
    void queue.translate(request('r1', ['a', 'b', 'c', 'd']));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(google.calls.map((call) => call.at)).toEqual([0, 0, 500, 1_000]);
  });
});

describe('failures', () => {
  it('rejects with the chain error, caches nothing, and tries again on a later request', async () => {
    const google = new FakeProvider('google-html', () => {
      throw new ProviderError('server', 'HTTP 503');
    });
    const { queue, putMany } = setup([google], {
      maxRetries: 0,
      health: new ProviderHealth({ failureThreshold: 10 }),
    });
    const failed = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(failed.error).toBeInstanceOf(ProviderError);
    expect(failed.error).toMatchObject({
      kind: 'server',
      message: 'The translation service failed (server error)',
    });
    expect(putMany).not.toHaveBeenCalled();

    google.behaviour = prefixWith('g');
    const retried = track(queue.translate(request('r1', ['一'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(retried.value?.translations).toEqual(['g:一']);
    expect(google.batches).toEqual([['一'], ['一']]);
  });

  it('fails only the requests whose text failed', async () => {
    const google = new FakeProvider('google-html', (request) => {
      if (request.texts.includes('坏')) throw new ProviderError('bad-response', 'cannot parse');
      return prefixWith('g')(request, 0);
    });
    const { queue } = setup([google], { health: new ProviderHealth({ failureThreshold: 10 }) });
    const good = track(queue.translate(request('r1', ['好'])));
    const bad = track(queue.translate(request('r2', ['坏'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(good.value?.translations).toEqual(['g:好']);
    expect(bad.error).toMatchObject({ message: 'The translation service failed (unexpected answer)' });
  });

  it('drops the unsent segments of a request that failed', async () => {
    const google = new FakeProvider(
      'google-html',
      (request) => {
        if (request.texts.includes('坏')) throw new ProviderError('auth', 'key rejected');
        return prefixWith('g')(request, 0);
      },
      limits({ maxItems: 1, concurrency: 1 }),
    );
    const { queue } = setup([google]);
    const result = track(queue.translate(request('r1', ['坏', '不必'])));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(result.error).toMatchObject({ kind: 'auth' });
    expect(google.batches).toEqual([['坏']]);
    expect(queue.snapshot()).toEqual({ requests: 0, waiting: 0, inFlightBatches: 0, entries: 0 });
  });

  it('settles every request under a mix of failures, hangs and cancellations', async () => {
    // A small deterministic PRNG (mulberry32) so the mix is the same on every run.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const flaky: FakeBehaviour = (request, callIndex) => {
      const roll = random();
      if (roll < 0.25) throw new ProviderError('server', 'HTTP 503');
      if (roll < 0.4) throw new ProviderError('rate-limited', 'HTTP 429', { retryAfterMs: 1_000 });
      if (roll < 0.5) return hang(request, callIndex);
      if (roll < 0.6) return { translations: request.texts.slice(1) };
      return after(Math.floor(roll * 300), prefixWith('ok'))(request, callIndex);
    };
    const providers = [
      new FakeProvider('google-html', flaky, limits({ maxItems: 4, concurrency: 2 })),
      new FakeProvider(
        'microsoft-edge',
        flaky,
        limits({ maxItems: 3, concurrency: 1, requestsPerSecond: 5 }),
      ),
      new FakeProvider('google-gtx', flaky, limits({ maxItems: 1, concurrency: 1, requestsPerSecond: 2 })),
    ];
    const { queue } = setup(providers);
    const pool = Array.from({ length: 150 }, (_, index) => `段落${index}`);
    const priorities: Priority[] = ['visible', 'near', 'idle'];
    const results: ReturnType<typeof track>[] = [];
    for (let n = 0; n < 60; n++) {
      const segments = pool.filter(() => random() < 0.03);
      results.push(track(queue.translate(request(`r${n % 40}`, segments, priorities[n % 3]))));
      if (n % 7 === 3) queue.cancel([`r${(n * 3) % 40}`]);
      await vi.advanceTimersByTimeAsync(Math.floor(random() * 50));
    }
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(results.filter((result) => !result.settled)).toHaveLength(0);
    expect(queue.snapshot()).toEqual({ requests: 0, waiting: 0, inFlightBatches: 0, entries: 0 });
    // The mix really exercised every path.
    const outcomes = new Set(results.map((result) => result.error?.kind ?? 'ok'));
    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('cancelled');
    expect(outcomes.size).toBeGreaterThan(2); // and some failed for good
    expect(results.some((result) => result.value?.translations.some((text) => text.startsWith('ok:')))).toBe(
      true,
    );
  });
});

describe('stats', () => {
  it('reports requests, characters, cache hits and units as deltas', async () => {
    const google = new FakeProvider('google-html');
    const { queue, cache, stats } = setup([google]);
    await cache.putMany([{ key: key('一'), text: '一', translation: 'one', provider: 'google-html' }]);

    const first = track(queue.translate(request('r1', ['一', '二三', '四'])));
    await vi.advanceTimersByTimeAsync(30);
    expect(first.settled).toBe(true);
    expect(stats).toEqual([{ cacheHits: 1 }, { requests: 1, characters: 3 }, { unitsTranslated: 1 }]);

    stats.length = 0;
    void queue.translate(request('r2', ['一', '一', '四']));
    await vi.advanceTimersByTimeAsync(30);
    expect(total(stats)).toEqual({ unitsTranslated: 1, requests: 0, characters: 0, cacheHits: 3 });
  });

  it('counts retries as requests and cancelled units as not translated', async () => {
    const google = new FakeProvider('google-html', (request, callIndex) => {
      if (callIndex === 0) throw new ProviderError('server', 'HTTP 500');
      return prefixWith('g')(request, callIndex);
    });
    const { queue, stats } = setup([google]);
    void queue.translate(request('r1', ['一二']));
    const cancelled = queue.translate(request('r2', ['三']));
    queue.cancel(['r2']);
    await cancelled.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(total(stats)).toEqual({ unitsTranslated: 1, requests: 2, characters: 4, cacheHits: 0 });
  });
});
