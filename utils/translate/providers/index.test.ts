import { DEFAULT_PROVIDER_SETTINGS, type ProviderSettings } from '../provider-config';
import { ProviderError, type ProviderId } from '../types';
import {
  BUILDABLE_PROVIDER_IDS,
  PROVIDER_LIMITS,
  createProvider,
  hostPermissionPattern,
  isBuildableProviderId,
  providerOrigins,
} from './index';
import { jsonResponse, recordedFetch, signal } from './recorded-fetch.testing';

const settings: ProviderSettings = structuredClone(DEFAULT_PROVIDER_SETTINGS);
const BUDGET = { dailyCharacterBudget: 0 };

function unavailableError(build: () => unknown): ProviderError {
  try {
    build();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected createProvider to throw');
}

describe('createProvider', () => {
  const { fetch } = recordedFetch();

  it('builds every keyless provider without secrets', () => {
    for (const id of ['google-html', 'microsoft-edge', 'google-gtx'] as const) {
      const provider = createProvider(id, { fetch, settings, secrets: {} });
      expect(provider.id).toBe(id);
      expect(provider.limits).toBe(PROVIDER_LIMITS[id]);
    }
  });

  it('builds keyed providers when configured', () => {
    const configured: ProviderSettings = {
      ...settings,
      libretranslate: { baseUrl: 'https://libre.example.org', ...BUDGET },
    };
    const secrets = {
      deepl: { value: 'k:fx' },
      openaiCompatible: { value: 'sk-1', origin: 'https://api.openai.com' },
    };
    expect(createProvider('deepl', { fetch, settings, secrets }).id).toBe('deepl');
    expect(createProvider('openai-compatible', { fetch, settings, secrets }).id).toBe('openai-compatible');
    expect(createProvider('libretranslate', { fetch, settings: configured, secrets }).id).toBe(
      'libretranslate',
    );
  });

  it.each<[ProviderId, Partial<ProviderSettings>, string]>([
    ['deepl', {}, 'DeepL needs an API key'],
    ['openai-compatible', {}, 'needs an API key'],
    ['openai-compatible', { openaiCompatible: { baseUrl: '', model: 'm', ...BUDGET } }, 'needs a base URL'],
    [
      'openai-compatible',
      { openaiCompatible: { baseUrl: 'ftp://x', model: 'm', ...BUDGET } },
      'needs a base URL',
    ],
    [
      'openai-compatible',
      { openaiCompatible: { baseUrl: 'http://api.example.com/v1', model: 'm', ...BUDGET } },
      'needs a base URL (https',
    ],
    [
      'openai-compatible',
      { openaiCompatible: { baseUrl: 'http://localhost:11434/v1', model: ' ', ...BUDGET } },
      'model name',
    ],
    ['libretranslate', {}, 'needs the address of a server'],
    ['chrome-on-device', {}, 'not built by this factory'],
  ])('%s with %j is unavailable', (id, overrides, message) => {
    const error = unavailableError(() =>
      createProvider(id, { fetch, settings: { ...settings, ...overrides }, secrets: {} }),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.details.provider).toBe(id);
    expect(error.message).toContain(message);
  });

  it.each([
    'http://localhost:11434/v1',
    'http://127.0.0.1:8080/v1',
    'https://192.168.1.20:11434/v1',
    'https://gpu.local/v1',
  ])('allows no key for the local server %s', (baseUrl) => {
    const local = { ...settings, openaiCompatible: { baseUrl, model: 'llama3.1', ...BUDGET } };
    expect(createProvider('openai-compatible', { fetch, settings: local, secrets: {} }).id).toBe(
      'openai-compatible',
    );
  });

  it('treats a blank key as no key', () => {
    expect(
      unavailableError(() =>
        createProvider('deepl', { fetch, settings, secrets: { deepl: { value: '  ' } } }),
      ).kind,
    ).toBe('unavailable');
  });

  it('sends a key only to the origin it was saved for, and says so when the address moved', () => {
    const moved = {
      ...settings,
      openaiCompatible: { baseUrl: 'https://openrouter.ai/api/v1', model: 'm', ...BUDGET },
    };
    const secrets = { openaiCompatible: { value: 'sk-1', origin: 'https://api.openai.com' } };
    const error = unavailableError(() =>
      createProvider('openai-compatible', { fetch, settings: moved, secrets }),
    );
    expect(error.message).toContain('given for api.openai.com; save it again for openrouter.ai');
    // A key saved before keys carried an origin goes nowhere either.
    expect(() =>
      createProvider('openai-compatible', {
        fetch,
        settings,
        secrets: { openaiCompatible: { value: 'sk' } },
      }),
    ).toThrow('another address');
  });

  it('leaves an address that waits for the user’s consent unused', () => {
    const configured = { ...settings, libretranslate: { baseUrl: 'https://libre.example.org', ...BUDGET } };
    expect(
      unavailableError(() =>
        createProvider('libretranslate', {
          fetch,
          settings: configured,
          secrets: {},
          unconfirmed: ['libretranslate'],
        }),
      ).message,
    ).toContain('came from a backup');
  });

  it('hands the DeepL plan and the trimmed key to the provider', async () => {
    const recorded = recordedFetch(
      jsonResponse({ translations: [{ text: 'Hi', detected_source_language: 'ZH' }] }),
    );
    const provider = createProvider('deepl', {
      fetch: recorded.fetch,
      settings: { ...settings, deepl: { plan: 'pro', ...BUDGET } },
      secrets: { deepl: { value: ' pro-key ' } },
    });
    await provider.translate({ texts: ['嗨'], from: 'auto', to: 'en', signal: signal() });
    expect(recorded.requests[0]).toMatchObject({
      url: 'https://api.deepl.com/v2/translate',
      headers: { authorization: 'DeepL-Auth-Key pro-key' },
    });
  });
});

describe('provider registry', () => {
  it('lists every provider id except chrome-on-device', () => {
    expect([...BUILDABLE_PROVIDER_IDS].sort()).toEqual(
      ['deepl', 'google-gtx', 'google-html', 'libretranslate', 'microsoft-edge', 'openai-compatible'].sort(),
    );
    expect(isBuildableProviderId('chrome-on-device')).toBe(false);
    expect(isBuildableProviderId('google-html')).toBe(true);
  });

  it('has sane limits for every provider', () => {
    for (const id of BUILDABLE_PROVIDER_IDS) {
      const limits = PROVIDER_LIMITS[id];
      expect(limits.maxItems).toBeGreaterThanOrEqual(1);
      expect(limits.maxChars).toBeGreaterThan(0);
      expect(limits.concurrency).toBeGreaterThanOrEqual(1);
      expect(limits.requestsPerSecond).toBeGreaterThan(0);
    }
    expect(PROVIDER_LIMITS['google-gtx'].maxItems).toBe(1);
  });
});

describe('providerOrigins', () => {
  const configured: ProviderSettings = {
    deepl: { plan: 'free', ...BUDGET },
    openaiCompatible: { baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5', ...BUDGET },
    libretranslate: { baseUrl: 'https://libre.example.org/api/', ...BUDGET },
  };

  it.each<[ProviderId, string[]]>([
    ['google-html', ['https://translate-pa.googleapis.com']],
    ['microsoft-edge', ['https://edge.microsoft.com']],
    ['google-gtx', ['https://translate.googleapis.com']],
    ['deepl', ['https://api-free.deepl.com']],
    ['openai-compatible', ['http://localhost:11434']],
    ['libretranslate', ['https://libre.example.org']],
    ['chrome-on-device', []],
  ])('%s talks to %j', (id, origins) => {
    expect(providerOrigins(id, configured)).toEqual(origins);
  });

  it('follows the DeepL plan and ignores unusable base URLs', () => {
    expect(providerOrigins('deepl', { ...configured, deepl: { plan: 'pro', ...BUDGET } })).toEqual([
      'https://api.deepl.com',
    ]);
    expect(
      providerOrigins('libretranslate', { ...configured, libretranslate: { baseUrl: '', ...BUDGET } }),
    ).toEqual([]);
  });

  it('turns origins into port-less match patterns', () => {
    expect(hostPermissionPattern('http://localhost:11434')).toBe('http://localhost/*');
    expect(hostPermissionPattern('https://api.deepl.com')).toBe('https://api.deepl.com/*');
  });
});
