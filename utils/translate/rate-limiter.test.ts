import { ProviderLimiter, TokenBucket, type ReleaseSlot } from './rate-limiter';
import { ManualTimers } from './fakes.testing';
import type { ProviderLimits } from './types';

const limits = (requestsPerSecond: number, concurrency: number): ProviderLimits => ({
  maxItems: 10,
  maxChars: 1000,
  requestsPerSecond,
  concurrency,
});

/** Flushes promise callbacks queued by the limiter. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('TokenBucket', () => {
  it('allows a burst up to capacity, then one token per 1/rate seconds', () => {
    const timers = new ManualTimers();
    const bucket = new TokenBucket(2, 2, () => timers.now());
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.msUntilToken()).toBe(500);
    timers.advance(499);
    expect(bucket.tryTake()).toBe(false);
    timers.advance(1);
    expect(bucket.tryTake()).toBe(true);
  });

  it('never stores more than its capacity', () => {
    const timers = new ManualTimers();
    const bucket = new TokenBucket(10, 3, () => timers.now());
    timers.advance(60_000);
    expect([1, 2, 3, 4].map(() => bucket.tryTake())).toEqual([true, true, true, false]);
  });

  it('gives nothing while held, whatever it has stored', () => {
    const timers = new ManualTimers();
    const bucket = new TokenBucket(10, 10, () => timers.now());
    bucket.holdUntil(2_000);
    expect(bucket.msUntilToken()).toBe(2_000);
    expect(bucket.tryTake()).toBe(false);
    timers.advance(2_000);
    expect(bucket.tryTake()).toBe(true);
  });
});

describe('ProviderLimiter', () => {
  it('caps requests in flight at the concurrency limit', async () => {
    const timers = new ManualTimers();
    const limiter = new ProviderLimiter(timers);
    const started: number[] = [];
    const releases: ReleaseSlot[] = [];
    for (const n of [1, 2, 3]) {
      void limiter.acquire('deepl', limits(100, 2)).then((release) => {
        started.push(n);
        releases.push(release);
      });
    }
    await settle();
    expect(started).toEqual([1, 2]);
    expect(limiter.active('deepl')).toBe(2);
    releases[0]!();
    releases[0]!(); // a second release of the same slot must not free another
    await settle();
    expect(started).toEqual([1, 2, 3]);
    expect(limiter.active('deepl')).toBe(2);
  });

  it('starts requests at the sustained rate once the burst is spent', async () => {
    const timers = new ManualTimers();
    const limiter = new ProviderLimiter(timers);
    const startedAt: number[] = [];
    for (let n = 0; n < 5; n++) {
      void limiter.acquire('google-gtx', limits(2, 10)).then((release) => {
        startedAt.push(timers.now());
        release();
      });
    }
    await settle();
    for (let step = 0; step < 20; step++) {
      timers.advance(100);
      await settle();
    }
    expect(startedAt).toEqual([0, 0, 500, 1000, 1500]);
  });

  it('keeps providers independent', async () => {
    const timers = new ManualTimers();
    const limiter = new ProviderLimiter(timers);
    await limiter.acquire('deepl', limits(1, 1));
    const other = await Promise.race([
      limiter.acquire('google-html', limits(1, 1)).then(() => 'started'),
      settle(),
    ]);
    expect(other).toBe('started');
  });

  it('holds every request back during a hold-off', async () => {
    const timers = new ManualTimers();
    const limiter = new ProviderLimiter(timers);
    limiter.holdOff('google-html', limits(100, 5), 3_000);
    let startedAt: number | undefined;
    void limiter.acquire('google-html', limits(100, 5)).then(() => (startedAt = timers.now()));
    timers.advance(2_999);
    await settle();
    expect(startedAt).toBeUndefined();
    timers.advance(1);
    await settle();
    expect(startedAt).toBe(3_000);
  });

  it('rejects a waiter whose signal aborts, without spending its slot', async () => {
    const timers = new ManualTimers();
    const limiter = new ProviderLimiter(timers);
    const first = await limiter.acquire('deepl', limits(100, 1));
    const controller = new AbortController();
    const waiting = limiter.acquire('deepl', limits(100, 1), controller.signal);
    const next = limiter.acquire('deepl', limits(100, 1));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    first();
    await expect(next).resolves.toBeTypeOf('function');
    expect(limiter.active('deepl')).toBe(1);
  });
});
