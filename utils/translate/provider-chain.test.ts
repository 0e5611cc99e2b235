import {
  chunkByLimits,
  createProviderChain,
  summarizeFailures,
  type ProviderChainOptions,
} from './provider-chain';
import { ProviderHealth } from './provider-health';
import { MisalignedBatchError } from './providers/misaligned-batch-error';
import { FakeProvider, GENEROUS_LIMITS, after, hang, prefixWith, type FakeBehaviour } from './fakes.testing';
import { ProviderError, type ProviderErrorKind, type TranslationProvider } from './types';

/** Follows a promise without awaiting it, so a test can look at it between timer steps. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: ProviderError } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: ProviderError) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

function failWith(
  kind: ProviderErrorKind,
  details: ConstructorParameters<typeof ProviderError>[2] = {},
): FakeBehaviour {
  return () => {
    throw new ProviderError(kind, `failed: ${kind}`, details);
  };
}

/** Fails the first `times` calls with `kind`, then behaves like `then`. */
function failTimes(times: number, kind: ProviderErrorKind, then: FakeBehaviour): FakeBehaviour {
  return (request, callIndex) =>
    callIndex < times ? failWith(kind)(request, callIndex) : then(request, callIndex);
}

function chainOf(providers: TranslationProvider[], options: Partial<ProviderChainOptions> = {}) {
  const health = options.health ?? new ProviderHealth();
  // random 0.5: each backoff is exactly half its ceiling (250 ms, 500 ms, …).
  return createProviderChain({ providers, health, random: () => 0.5, ...options });
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('chunkByLimits', () => {
  it('cuts runs by item count and characters, sending an oversized text alone', () => {
    const limits = { ...GENEROUS_LIMITS, maxItems: 3, maxChars: 10 };
    expect(chunkByLimits(['a', 'b', 'c', 'd'], limits)).toEqual([[0, 1, 2], [3]]);
    expect(chunkByLimits(['aaaa', 'bbbb', 'cccc', 'dd'], limits)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(chunkByLimits(['a', 'x'.repeat(30), 'b'], limits)).toEqual([[0], [1], [2]]);
  });
});

describe('provider chain', () => {
  it('translates with the first provider and reports usage', async () => {
    const google = new FakeProvider('google-html');
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge]);
    const result = await chain.translateBatch(['一', '二三'], 'zh-CN', 'en');
    expect(result).toEqual({
      translations: ['google-html:一', 'google-html:二三'],
      providers: ['google-html', 'google-html'],
      usage: { requests: 1, characters: 3 },
    });
    expect(google.batches).toEqual([['一', '二三']]);
    expect(edge.calls).toHaveLength(0);
  });

  it('splits a batch to fit each provider, with limit overrides applied', async () => {
    const google = new FakeProvider('google-html', prefixWith('g'), { ...GENEROUS_LIMITS, maxItems: 2 });
    const chain = chainOf([google], { limits: { 'google-html': { maxItems: 3 } } });
    expect(chain.headLimits().maxItems).toBe(3);
    await chain.translateBatch(['a', 'b', 'c', 'd'], 'auto', 'en');
    expect(google.batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('passes languages, glossary and an abort signal to the provider', async () => {
    const google = new FakeProvider('google-html');
    const chain = chainOf([google]);
    await chain.translateBatch(['绝绝子'], 'zh-CN', 'ja', {
      glossary: [{ source: '绝绝子', target: 'awesome' }],
    });
    expect(google.calls[0]!.glossary).toEqual([{ source: '绝绝子', target: 'awesome' }]);
    expect(google.calls[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it('retries transient errors with exponential backoff and full jitter', async () => {
    const google = new FakeProvider('google-html', failTimes(2, 'server', prefixWith('g')));
    const chain = chainOf([google]);
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(result.value?.translations).toEqual(['g:一']);
    // Delays: 0.5 × 500 = 250 ms, then 0.5 × 1000 = 500 ms.
    expect(google.calls.map((call) => call.at)).toEqual([0, 250, 750]);
    expect(result.value?.usage.requests).toBe(3);
  });

  it('keeps each backoff within its jitter bounds', async () => {
    for (const draw of [0, 0.999]) {
      vi.setSystemTime(0);
      const google = new FakeProvider('google-html', failTimes(2, 'network', prefixWith('g')));
      const chain = chainOf([google], { random: () => draw });
      track(chain.translateBatch(['一'], 'zh-CN', 'en'));
      await vi.runAllTimersAsync();
      const [first, second, third] = google.calls.map((call) => call.at);
      expect(second! - first!).toBe(draw === 0 ? 0 : 499);
      expect(third! - second!).toBe(draw === 0 ? 0 : 999);
    }
  });

  it('does not retry non-transient errors: falls back at once', async () => {
    const deepl = new FakeProvider('deepl', failWith('auth'));
    const google = new FakeProvider('google-html');
    const chain = chainOf([deepl, google]);
    const result = await chain.translateBatch(['一'], 'zh-CN', 'en');
    expect(result.providers).toEqual(['google-html']);
    expect(deepl.calls).toHaveLength(1);
    expect(chain.healthView()).toEqual([
      { id: 'deepl', state: 'skipped', lastError: 'failed: auth', kind: 'auth' },
      { id: 'google-html', state: 'working' },
    ]);
  });

  it('falls back to the next provider when retries are exhausted', async () => {
    const google = new FakeProvider('google-html', failWith('server'));
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge], { health: new ProviderHealth({ failureThreshold: 10 }) });
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(result.value?.translations).toEqual(['microsoft-edge:一']);
    expect(google.calls).toHaveLength(3); // 1 + maxRetries
    expect(edge.calls.map((call) => call.at)).toEqual([750]);
  });

  it('waits at least Retry-After before retrying', async () => {
    const google = new FakeProvider('google-html', (request, callIndex) =>
      callIndex === 0
        ? failWith('rate-limited', { retryAfterMs: 2_000 })(request, callIndex)
        : prefixWith('g')(request, callIndex),
    );
    const chain = chainOf([google]);
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(result.value?.translations).toEqual(['g:一']);
    expect(google.calls.map((call) => call.at)).toEqual([0, 2_000]); // not the 250 ms backoff
  });

  it('holds other batches to the same provider back during Retry-After', async () => {
    const google = new FakeProvider('google-html', (request, callIndex) =>
      callIndex === 0
        ? failWith('rate-limited', { retryAfterMs: 2_000 })(request, callIndex)
        : prefixWith('g')(request, callIndex),
    );
    const chain = chainOf([google]);
    track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.advanceTimersByTimeAsync(100);
    track(chain.translateBatch(['二'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(google.calls.map((call) => [call.texts[0], call.at])).toEqual([
      ['一', 0],
      ['二', 2_000],
      ['一', 2_000],
    ]);
  });

  it('falls back instead of waiting out a long Retry-After, and skips the provider meanwhile', async () => {
    const gtx = new FakeProvider('google-gtx', failWith('rate-limited', { retryAfterMs: 60_000 }));
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([gtx, edge]);
    const first = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.value?.providers).toEqual(['microsoft-edge']);
    expect(edge.calls[0]!.at).toBe(0);

    await vi.advanceTimersByTimeAsync(59_000);
    await chain.translateBatch(['二'], 'zh-CN', 'en');
    expect(gtx.calls).toHaveLength(1);

    gtx.behaviour = prefixWith('gtx');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await chain.translateBatch(['三'], 'zh-CN', 'en')).providers).toEqual(['google-gtx']);
  });

  it('opens the circuit after repeated failures, probes after the cool-down, and recovers', async () => {
    const google = new FakeProvider('google-html', failWith('server'));
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge], { maxRetries: 0 });

    for (const text of ['一', '二', '三']) {
      expect((await chain.translateBatch([text], 'zh-CN', 'en')).providers).toEqual(['microsoft-edge']);
    }
    expect(google.calls).toHaveLength(3);
    expect(chain.healthView()[0]).toEqual({
      id: 'google-html',
      state: 'skipped',
      lastError: 'failed: server',
      kind: 'server',
    });

    // Open: google is not even asked.
    await vi.advanceTimersByTimeAsync(29_000);
    expect((await chain.translateBatch(['四'], 'zh-CN', 'en')).providers).toEqual(['microsoft-edge']);
    expect(google.calls).toHaveLength(3);
    expect(chain.headLimits()).toEqual(edge.limits);

    // Half-open probe fails: open again, for twice as long.
    await vi.advanceTimersByTimeAsync(1_000);
    await chain.translateBatch(['五'], 'zh-CN', 'en');
    expect(google.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(59_000);
    await chain.translateBatch(['六'], 'zh-CN', 'en');
    expect(google.calls).toHaveLength(4);

    // Healed: the probe succeeds and google is back at the head of the chain.
    google.behaviour = prefixWith('google-html');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await chain.translateBatch(['七'], 'zh-CN', 'en')).providers).toEqual(['google-html']);
    expect((await chain.translateBatch(['八'], 'zh-CN', 'en')).providers).toEqual(['google-html']);
    expect(chain.healthView()[0]).toEqual({ id: 'google-html', state: 'working' });
    expect(google.batches.slice(3)).toEqual([['五'], ['七'], ['八']]);
  });

  it('sends a single probe while half-open; other batches fall back', async () => {
    const google = new FakeProvider('google-html', failWith('auth'));
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge]);
    await chain.translateBatch(['一'], 'zh-CN', 'en');
    await vi.advanceTimersByTimeAsync(30_000);
    google.behaviour = after(1_000, prefixWith('google-html'));
    const probe = track(chain.translateBatch(['二'], 'zh-CN', 'en'));
    const other = track(chain.translateBatch(['三'], 'zh-CN', 'en'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe.value?.providers).toEqual(['google-html']);
    expect(other.value?.providers).toEqual(['microsoft-edge']);
    expect(google.batches).toEqual([['一'], ['二']]);
  });

  it('retries a misaligned batch by halves, falling back only for what still fails', async () => {
    const google = new FakeProvider('google-html', (request) => {
      // Any batch with 坏 in it comes back merged; 坏 alone cannot be read at all.
      if (request.texts.includes('坏') && request.texts.length > 1) return { translations: ['merged'] };
      if (request.texts[0] === '坏') throw new ProviderError('bad-response', 'Unparseable answer');
      return prefixWith('g')(request, 0);
    });
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge], { health: new ProviderHealth({ failureThreshold: 10 }) });
    const texts = ['一', '二', '三', '四', '坏', '六', '七', '八'];
    const result = await chain.translateBatch(texts, 'zh-CN', 'en');
    expect(result.translations).toEqual(
      texts.map((text) => (text === '坏' ? 'microsoft-edge:坏' : `g:${text}`)),
    );
    // Seven requests for eight texts, where asking one at a time would take nine.
    expect(google.batches).toEqual([
      texts,
      ['一', '二', '三', '四'],
      ['坏', '六', '七', '八'],
      ['坏', '六'],
      ['七', '八'],
      ['坏'],
      ['六'],
    ]);
    expect(edge.batches).toEqual([['坏']]);
    expect(result.usage.requests).toBe(8);
  });

  it('treats a provider-reported bad-response on a batch as misaligned too', async () => {
    const google = new FakeProvider('google-html', (request) => {
      if (request.texts.length > 1) throw new ProviderError('bad-response', 'ids missing');
      return prefixWith('g')(request, 0);
    });
    const chain = chainOf([google]);
    const result = await chain.translateBatch(['一', '二'], 'zh-CN', 'en');
    expect(result.translations).toEqual(['g:一', 'g:二']);
    expect(google.batches).toEqual([['一', '二'], ['一'], ['二']]);
  });

  it('keeps the sound part of a MisalignedBatchError and re-asks only the missing texts', async () => {
    const openai = new FakeProvider('openai-compatible', (request) => {
      if (request.texts.length > 1)
        throw new MisalignedBatchError('openai-compatible', ['o:一', undefined, 'o:三']);
      return prefixWith('o')(request, 0);
    });
    const chain = chainOf([openai]);
    const result = await chain.translateBatch(['一', '二', '三'], 'zh-CN', 'en');
    expect(result.translations).toEqual(['o:一', 'o:二', 'o:三']);
    expect(openai.batches).toEqual([['一', '二', '三'], ['二']]);
  });

  it('times out a provider that hangs, aborts it, and moves on to the next one', async () => {
    const google = new FakeProvider('google-html', hang);
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge]);
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(result.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.value?.providers).toEqual(['microsoft-edge']);
    expect(google.calls).toHaveLength(1); // no retry of a hang when another provider can answer
    expect(google.calls[0]!.signal.aborted).toBe(true);
    expect(edge.calls[0]!.at).toBe(10_000);
  });

  it('times out a provider that answers after 35 s', async () => {
    const google = new FakeProvider('google-html', after(35_000, prefixWith('late')));
    const edge = new FakeProvider('microsoft-edge');
    const chain = chainOf([google, edge]);
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(result.value?.translations).toEqual(['microsoft-edge:一']);
    await vi.advanceTimersByTimeAsync(30_000); // the late answer is ignored
    expect(result.value?.translations).toEqual(['microsoft-edge:一']);
  });

  it('retries a timeout on the last provider, and fails in the end', async () => {
    const google = new FakeProvider('google-html', hang);
    const chain = chainOf([google], { requestTimeoutMs: 1_000 });
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(google.calls.map((call) => call.at)).toEqual([0, 1_250, 2_750]);
    expect(result.error).toMatchObject({
      kind: 'timeout',
      message: 'The translation service failed (no answer in time)',
    });
  });

  it('fails with a short human message when every provider failed', async () => {
    const google = new FakeProvider('google-html', failWith('rate-limited'));
    const edge = new FakeProvider('microsoft-edge', failWith('network'));
    const chain = chainOf([google, edge], { maxRetries: 0 });
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(result.error).toBeInstanceOf(ProviderError);
    expect(result.error).toMatchObject({
      kind: 'rate-limited',
      message: 'All translation services failed (rate limited)',
    });
  });

  it('names an auth or quota error first, since the user can fix it', async () => {
    const google = new FakeProvider('google-html', failWith('server'));
    const deepl = new FakeProvider('deepl', failWith('quota'));
    const chain = chainOf([google, deepl], { maxRetries: 0 });
    await expect(chain.translateBatch(['一'], 'zh-CN', 'en')).rejects.toMatchObject({
      kind: 'quota',
      message: 'All translation services failed (quota used up)',
    });
  });

  it('reports per-item outcomes when only some texts fail', async () => {
    const google = new FakeProvider('google-html', (request) => {
      if (request.texts.includes('坏')) throw new ProviderError('bad-response', 'cannot parse');
      return prefixWith('g')(request, 0);
    });
    const chain = chainOf([google], { health: new ProviderHealth({ failureThreshold: 10 }) });
    const { outcomes } = await chain.translateItems(['一', '坏'], 'zh-CN', 'en');
    expect(outcomes).toEqual([
      { ok: true, translation: 'g:一', provider: 'google-html' },
      {
        ok: false,
        error: expect.objectContaining({ message: 'The translation service failed (unexpected answer)' }),
      },
    ]);
  });

  it('turns errors a provider should not throw into ProviderErrors', async () => {
    const google = new FakeProvider('google-html', () => {
      throw new TypeError('Failed to fetch');
    });
    const edge = new FakeProvider('microsoft-edge', () => {
      throw new Error('undefined is not a function');
    });
    const health = new ProviderHealth();
    const chain = chainOf([google, edge], { health, maxRetries: 0 });
    await expect(chain.translateBatch(['一'], 'zh-CN', 'en')).rejects.toMatchObject({ kind: 'network' });
    expect(health.lastError('microsoft-edge')).toMatchObject({ kind: 'bad-response' });
  });

  it('fails plainly when no provider is configured', async () => {
    await expect(chainOf([]).translateBatch(['一'], 'zh-CN', 'en')).rejects.toMatchObject({
      kind: 'unavailable',
      message: 'No translation service is enabled',
    });
  });

  it('rejects with cancelled and aborts the request when the caller aborts', async () => {
    const google = new FakeProvider('google-html', hang);
    const edge = new FakeProvider('microsoft-edge');
    const controller = new AbortController();
    const chain = chainOf([google, edge]);
    const result = track(chain.translateBatch(['一'], 'zh-CN', 'en', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(result.error).toMatchObject({ kind: 'cancelled' });
    expect(google.calls[0]!.signal.aborted).toBe(true);
    expect(edge.calls).toHaveLength(0);
    expect(chain.healthView()[0]!.state).toBe('unused'); // a cancel says nothing about google
  });

  it('paces requests to the provider rate limit and concurrency', async () => {
    const slow = after(2_000, prefixWith('g'));
    const google = new FakeProvider('google-html', slow, {
      maxItems: 1,
      maxChars: 1000,
      concurrency: 2,
      requestsPerSecond: 1,
    });
    const chain = chainOf([google]);
    const result = track(chain.translateBatch(['一', '二', '三', '四'], 'zh-CN', 'en'));
    await vi.runAllTimersAsync();
    expect(result.value?.translations).toEqual(['g:一', 'g:二', 'g:三', 'g:四']);
    // Token at 0 and 1 s; then slots free at 2 s and 3 s.
    expect(google.calls.map((call) => call.at)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(google.maxActive).toBe(2);
  });
});

describe('summarizeFailures', () => {
  const error = (kind: ProviderErrorKind) => new ProviderError(kind, kind);

  it('names an error the user can act on first', () => {
    expect(summarizeFailures([error('server'), error('auth')], 2).message).toBe(
      'All translation services failed (API key rejected)',
    );
  });

  it('does not blame a provider that cannot run here for the others failing', () => {
    const summary = summarizeFailures([error('unavailable'), error('server'), error('rate-limited')], 3);
    expect([summary.kind, summary.message]).toEqual([
      'server',
      'All translation services failed (server error)',
    ]);
  });

  it('says so when nothing could run at all', () => {
    expect(summarizeFailures([error('unavailable')], 1).message).toBe(
      'The translation service failed (not available)',
    );
    expect(summarizeFailures([], 2).message).toBe('No translation service is enabled');
  });
});
