import { ProviderError } from './types';

export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

/**
 * Time as the engine sees it. Injected so tests can drive batching windows, backoff and cool-downs
 * deterministically; the default reads the globals at call time, so vitest's fake timers apply too.
 */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

export function cancelledError(): ProviderError {
  return new ProviderError('cancelled', 'Cancelled');
}

/** Waits `ms`; rejects with ProviderError('cancelled') as soon as `signal` aborts. */
export function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError());
  if (ms <= 0 && !signal) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      timers.clearTimeout(handle);
      reject(cancelledError());
    };
    const handle = timers.setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
