import type { LanguageCode } from '../language/languages';
import type { ProviderTestResult, ProviderTestSample } from './setup-protocol';
import { systemTimers, type Timers } from './timers';
import { ProviderError, type TranslationProvider } from './types';

/** Long enough for a cold model or a slow self-hosted server, short enough to tell a dead one. */
export const PROVIDER_TEST_TIMEOUT_MS = 20_000;

/**
 * What a test translates: Chinese into the reader's language, as most of the site is; a Chinese
 * reader's providers are tested the other way round, the way they will be used.
 */
export function testSample(to: LanguageCode): ProviderTestSample & { from: LanguageCode } {
  return to === 'zh-CN'
    ? { text: 'Hello, world', from: 'en', to }
    : { text: '你好，世界', from: 'zh-CN', to };
}

/**
 * Sends one sample to one provider and reports its answer, or throws the provider's own
 * ProviderError: 'timeout' when nothing came in time, 'bad-response' for an empty or unchanged
 * answer (a server that echoes its input is not translating).
 */
export async function runProviderTest(
  provider: TranslationProvider,
  sample: ProviderTestSample,
  options: { timers?: Timers; timeoutMs?: number } = {},
): Promise<ProviderTestResult> {
  const timers = options.timers ?? systemTimers;
  const timeoutMs = options.timeoutMs ?? PROVIDER_TEST_TIMEOUT_MS;
  const controller = new AbortController();
  const started = timers.now();
  let timer: ReturnType<Timers['setTimeout']> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(() => {
      controller.abort();
      reject(
        new ProviderError(
          'timeout',
          `${provider.id} did not answer within ${Math.round(timeoutMs / 1000)} s`,
          {
            provider: provider.id,
          },
        ),
      );
    }, timeoutMs);
  });
  try {
    const { translations } = await Promise.race([
      provider.translate({
        texts: [sample.text],
        from: sample.from,
        to: sample.to,
        signal: controller.signal,
      }),
      deadline,
    ]);
    const translation = translations[0]?.trim() ?? '';
    if (!translation || translation === sample.text)
      throw new ProviderError('bad-response', `${provider.id} answered without a translation`, {
        provider: provider.id,
      });
    return { provider: provider.id, sample, translation, elapsedMs: timers.now() - started };
  } finally {
    if (timer !== undefined) timers.clearTimeout(timer);
  }
}
