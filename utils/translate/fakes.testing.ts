/**
 * Test doubles for the engine's tests (imported only by `*.test.ts`): providers that record every
 * call and answer as told, and timers driven by hand.
 */
import type { Timers, TimerHandle } from './timers';
import type {
  ProviderId,
  ProviderLimits,
  ProviderRequest,
  ProviderResult,
  TranslationProvider,
} from './types';

export interface RecordedCall {
  texts: string[];
  from: ProviderRequest['from'];
  to: ProviderRequest['to'];
  /** `Date.now()` when the call started (fake timers make it exact). */
  at: number;
  signal: AbortSignal;
  glossary: ProviderRequest['glossary'];
}

export type FakeBehaviour = (
  request: ProviderRequest,
  callIndex: number,
) => ProviderResult | Promise<ProviderResult>;

export const GENEROUS_LIMITS: ProviderLimits = {
  maxItems: 50,
  maxChars: 10_000,
  concurrency: 10,
  requestsPerSecond: 1000,
};

/** Translates by prefixing the provider id, so a test sees who translated what. */
export function prefixWith(id: string): FakeBehaviour {
  return (request) => ({ translations: request.texts.map((text) => `${id}:${text}`) });
}

/** Resolves after `ms` (on the fake clock) with `behaviour`'s answer. */
export function after(ms: number, behaviour: FakeBehaviour): FakeBehaviour {
  return (request, callIndex) =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        Promise.resolve()
          .then(() => behaviour(request, callIndex))
          .then(resolve, reject);
      }, ms);
    });
}

/** Never answers and ignores its abort signal: the worst a provider can do. */
export const hang: FakeBehaviour = () => new Promise<ProviderResult>(() => undefined);

export class FakeProvider implements TranslationProvider {
  readonly calls: RecordedCall[] = [];
  active = 0;
  maxActive = 0;

  constructor(
    readonly id: ProviderId,
    public behaviour: FakeBehaviour = prefixWith(id),
    readonly limits: ProviderLimits = GENEROUS_LIMITS,
  ) {}

  /** The texts of each call, in call order. */
  get batches(): string[][] {
    return this.calls.map((call) => call.texts);
  }

  async translate(request: ProviderRequest): Promise<ProviderResult> {
    const callIndex = this.calls.length;
    this.calls.push({
      texts: [...request.texts],
      from: request.from,
      to: request.to,
      at: Date.now(),
      signal: request.signal,
      glossary: request.glossary,
    });
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      return await this.behaviour(request, callIndex);
    } finally {
      this.active -= 1;
    }
  }
}

/** Timers that only move when the test says so; `now` is settable. */
export class ManualTimers implements Timers {
  time = 0;
  private readonly scheduled = new Map<number, { at: number; callback: () => void }>();
  private nextHandle = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = this.nextHandle++;
    this.scheduled.set(handle, { at: this.time + ms, callback });
    return handle as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.scheduled.delete(handle as unknown as number);
  }

  get pending(): number {
    return this.scheduled.size;
  }

  /** Moves the clock and runs the timers that came due, in order. */
  advance(ms: number): void {
    this.time += ms;
    const due = [...this.scheduled]
      .filter(([, timer]) => timer.at <= this.time)
      .sort((a, b) => a[1].at - b[1].at);
    for (const [handle, timer] of due) {
      this.scheduled.delete(handle);
      timer.callback();
    }
  }
}
