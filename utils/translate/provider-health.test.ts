import { ProviderHealth } from './provider-health';
import { ProviderError } from './types';

const serverError = () => new ProviderError('server', 'HTTP 503');

function setup(options: ConstructorParameters<typeof ProviderHealth>[0] = {}) {
  let time = 0;
  const health = new ProviderHealth({ now: () => time, ...options });
  return {
    health,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('ProviderHealth circuit breaker', () => {
  it('opens after three consecutive failures, not before', () => {
    const { health } = setup();
    health.recordFailure('google-html', serverError());
    health.recordFailure('google-html', serverError());
    expect(health.isAvailable('google-html')).toBe(true);
    expect(health.circuit('google-html')).toBe('closed');
    health.recordFailure('google-html', serverError());
    expect(health.circuit('google-html')).toBe('open');
    expect(health.isAvailable('google-html')).toBe(false);
    expect(health.admit('google-html')).toBe(false);
  });

  it('counts only consecutive failures', () => {
    const { health } = setup();
    health.recordFailure('google-html', serverError());
    health.recordFailure('google-html', serverError());
    health.recordSuccess('google-html', 100);
    health.recordFailure('google-html', serverError());
    health.recordFailure('google-html', serverError());
    expect(health.circuit('google-html')).toBe('closed');
  });

  it('opens at once on auth, quota and unavailable errors', () => {
    const { health } = setup();
    health.recordFailure('deepl', new ProviderError('auth', 'Key rejected'));
    health.recordFailure('openai-compatible', new ProviderError('quota', 'Quota used up'));
    health.recordFailure('chrome-on-device', new ProviderError('unavailable', 'No model'));
    expect(
      ['deepl', 'openai-compatible', 'chrome-on-device'].map((id) => health.circuit(id as never)),
    ).toEqual(['open', 'open', 'open']);
  });

  it('lets one probe through after the cool-down, and closes when it succeeds', () => {
    const { health, advance } = setup();
    health.recordFailure('deepl', new ProviderError('auth', 'Key rejected'));
    advance(29_999);
    expect(health.isAvailable('deepl')).toBe(false);
    advance(1);
    expect(health.isAvailable('deepl')).toBe(true);
    expect(health.admit('deepl')).toBe(true);
    expect(health.circuit('deepl')).toBe('half-open');
    expect(health.admit('deepl')).toBe(false); // only one probe at a time
    health.recordSuccess('deepl', 200);
    expect(health.circuit('deepl')).toBe('closed');
    expect(health.admit('deepl')).toBe(true);
  });

  it('re-opens for a doubled cool-down when the probe fails, up to the maximum', () => {
    const { health, advance } = setup({ maxCooldownMs: 100_000 });
    health.recordFailure('deepl', new ProviderError('auth', 'Key rejected'));
    const cooldowns: number[] = [];
    for (let round = 0; round < 4; round++) {
      let waited = 0;
      while (!health.isAvailable('deepl')) {
        advance(1_000);
        waited += 1_000;
      }
      cooldowns.push(waited);
      expect(health.admit('deepl')).toBe(true);
      health.recordFailure('deepl', new ProviderError('auth', 'Key rejected'));
    }
    expect(cooldowns).toEqual([30_000, 60_000, 100_000, 100_000]);
  });

  it('resets the cool-down growth after a success', () => {
    const { health, advance } = setup();
    health.recordFailure('deepl', new ProviderError('auth', 'x'));
    advance(30_000);
    health.admit('deepl');
    health.recordFailure('deepl', new ProviderError('auth', 'x')); // 60 s now
    advance(60_000);
    health.admit('deepl');
    health.recordSuccess('deepl', 100);
    health.recordFailure('deepl', new ProviderError('auth', 'x'));
    advance(30_000);
    expect(health.isAvailable('deepl')).toBe(true);
  });

  it('keeps the circuit open at least as long as asked (Retry-After)', () => {
    const { health, advance } = setup();
    health.recordFailure('google-gtx', new ProviderError('rate-limited', '429'), 120_000);
    advance(119_000);
    expect(health.isAvailable('google-gtx')).toBe(false);
    advance(1_000);
    expect(health.isAvailable('google-gtx')).toBe(true);
  });

  it('ignores late failures of requests sent before the circuit opened', () => {
    const { health, advance } = setup();
    for (let n = 0; n < 3; n++) health.recordFailure('google-html', serverError());
    advance(10_000);
    health.recordFailure('google-html', serverError()); // a straggler
    advance(20_000);
    expect(health.isAvailable('google-html')).toBe(true);
  });

  it('does not count cancelled requests, and frees the probe they held', () => {
    const { health, advance } = setup();
    health.recordFailure('deepl', new ProviderError('auth', 'x'));
    advance(30_000);
    expect(health.admit('deepl')).toBe(true);
    health.recordFailure('deepl', new ProviderError('cancelled', 'Cancelled'));
    expect(health.admit('deepl')).toBe(true);
  });
});

describe('ProviderHealth view', () => {
  it('reports unused, working, slow, failing and skipped with the last error', () => {
    const { health } = setup({ slowLatencyMs: 1_000, latencySmoothing: 0.5 });
    health.recordSuccess('google-html', 300);
    health.recordSuccess('microsoft-edge', 800);
    health.recordSuccess('microsoft-edge', 2_000); // average 1,400 ms
    health.recordFailure('google-gtx', new ProviderError('rate-limited', 'Rate limited (429)'));
    health.recordFailure('deepl', new ProviderError('auth', 'DeepL rejected the API key'));
    expect(health.view(['google-html', 'microsoft-edge', 'google-gtx', 'deepl', 'libretranslate'])).toEqual([
      { id: 'google-html', state: 'working' },
      { id: 'microsoft-edge', state: 'slow' },
      { id: 'google-gtx', state: 'failing', lastError: 'Rate limited (429)', kind: 'rate-limited' },
      { id: 'deepl', state: 'skipped', lastError: 'DeepL rejected the API key', kind: 'auth' },
      { id: 'libretranslate', state: 'unused' },
    ]);
  });

  it('shows a recovered provider as working again, and forgets on reset', () => {
    const { health } = setup();
    health.recordFailure('google-html', serverError());
    health.recordSuccess('google-html', 100);
    expect(health.view(['google-html'])).toEqual([{ id: 'google-html', state: 'working' }]);
    health.reset('google-html');
    expect(health.view(['google-html'])).toEqual([{ id: 'google-html', state: 'unused' }]);
  });
});
