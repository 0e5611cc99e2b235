import { cancelledError, systemTimers, type TimerHandle, type Timers } from './timers';
import type { ProviderId, ProviderLimits } from './types';

/** Tolerance for float drift in refills, so a token due at t is available at t, not t + 1 ms. */
const EPSILON = 1e-9;

/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `capacity`, one per request.
 * `holdUntil` empties the tap for a while (a provider's Retry-After applies to all our requests).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private heldUntil = 0;

  constructor(
    private ratePerSecond: number,
    private capacity: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  configure(ratePerSecond: number, capacity: number): void {
    this.refill(this.now());
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.tokens = Math.min(this.tokens, capacity);
  }

  /** Milliseconds until a token can be taken; 0 when one is available now. */
  msUntilToken(): number {
    const now = this.now();
    this.refill(now);
    const held = Math.max(0, this.heldUntil - now);
    if (this.tokens >= 1 - EPSILON) return held;
    return Math.max(held, Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000));
  }

  tryTake(): boolean {
    if (this.msUntilToken() > 0) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  holdUntil(time: number): void {
    this.heldUntil = Math.max(this.heldUntil, time);
  }

  private refill(now: number): void {
    const rate = Number.isFinite(this.ratePerSecond) ? this.ratePerSecond : Number.MAX_SAFE_INTEGER;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * rate) / 1000);
    this.updatedAt = now;
  }
}

/** Gives up the slot taken by `acquire`. Calling it more than once is harmless. */
export type ReleaseSlot = () => void;

type Waiter = (release: ReleaseSlot) => void;

interface Lane {
  bucket: TokenBucket;
  limits: ProviderLimits;
  active: number;
  waiters: Waiter[];
  timer: TimerHandle | undefined;
}

/** Burst size: a second's worth of requests, at least one. */
function burstOf(limits: ProviderLimits): number {
  return Math.max(1, Math.ceil(limits.requestsPerSecond));
}

function concurrencyOf(limits: ProviderLimits): number {
  return Math.max(1, limits.concurrency);
}

/**
 * Per-provider request gate: at most `limits.concurrency` requests in flight and a token bucket
 * refilled at `limits.requestsPerSecond`. Waiters are served first come, first served.
 */
export class ProviderLimiter {
  private readonly lanes = new Map<ProviderId, Lane>();

  constructor(private readonly timers: Timers = systemTimers) {}

  /** Resolves with a release function once a request to `id` may start. */
  acquire(id: ProviderId, limits: ProviderLimits, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const lane = this.laneFor(id, limits);
    if (lane.waiters.length === 0 && this.tryStart(lane)) return Promise.resolve(this.releaseFor(lane));
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = () => {
        const index = lane.waiters.indexOf(waiter);
        if (index >= 0) lane.waiters.splice(index, 1);
        reject(cancelledError());
      };
      const waiter: Waiter = (release) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.waiters.push(waiter);
      this.drain(lane);
    });
  }

  /** No request to `id` starts for `ms` (a Retry-After that applies to every batch, not just one). */
  holdOff(id: ProviderId, limits: ProviderLimits, ms: number): void {
    const lane = this.laneFor(id, limits);
    lane.bucket.holdUntil(this.timers.now() + ms);
    this.drain(lane);
  }

  /** Requests to `id` in flight now. */
  active(id: ProviderId): number {
    return this.lanes.get(id)?.active ?? 0;
  }

  private laneFor(id: ProviderId, limits: ProviderLimits): Lane {
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = {
        bucket: new TokenBucket(limits.requestsPerSecond, burstOf(limits), () => this.timers.now()),
        limits,
        active: 0,
        waiters: [],
        timer: undefined,
      };
      this.lanes.set(id, lane);
    } else if (
      lane.limits.requestsPerSecond !== limits.requestsPerSecond ||
      lane.limits.concurrency !== limits.concurrency
    ) {
      lane.bucket.configure(limits.requestsPerSecond, burstOf(limits));
      lane.limits = limits;
    }
    return lane;
  }

  private tryStart(lane: Lane): boolean {
    if (lane.active >= concurrencyOf(lane.limits)) return false;
    if (!lane.bucket.tryTake()) return false;
    lane.active += 1;
    return true;
  }

  private releaseFor(lane: Lane): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      lane.active -= 1;
      this.drain(lane);
    };
  }

  private drain(lane: Lane): void {
    while (lane.waiters.length > 0 && this.tryStart(lane)) {
      lane.waiters.shift()!(this.releaseFor(lane));
    }
    // Waiting for a free slot needs no timer (a release drains); waiting for a token does.
    if (lane.waiters.length === 0 || lane.active >= concurrencyOf(lane.limits) || lane.timer !== undefined)
      return;
    lane.timer = this.timers.setTimeout(
      () => {
        lane.timer = undefined;
        this.drain(lane);
      },
      Math.max(1, lane.bucket.msUntilToken()),
    );
  }
}
