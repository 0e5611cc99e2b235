import type { ProviderError, ProviderHealthView, ProviderId } from './types';

export const HEALTH_DEFAULTS = {
  /** Three failed requests in a row: one bad answer is noise, three is an outage or a block. */
  failureThreshold: 3,
  /** First cool-down; doubles with every re-opening so a dead endpoint costs one probe per period. */
  baseCooldownMs: 30_000,
  maxCooldownMs: 15 * 60_000,
  /** Mean answer time above which the provider is shown as slow. */
  slowLatencyMs: 4_000,
  /** Weight of the newest sample in the latency average. */
  latencySmoothing: 0.3,
} as const;

export interface ProviderHealthOptions {
  now?: () => number;
  failureThreshold?: number;
  baseCooldownMs?: number;
  maxCooldownMs?: number;
  slowLatencyMs?: number;
  latencySmoothing?: number;
}

/**
 * closed: requests flow. open: the provider is skipped until `openUntil`. half-open: one probe is in
 * flight after the cool-down; its outcome closes or re-opens the circuit.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

interface HealthRecord {
  circuit: CircuitState;
  consecutiveFailures: number;
  /** Openings since the last success; sets the length of the next cool-down. */
  openings: number;
  openUntil: number;
  latencyMs: number | undefined;
  lastError: ProviderError | undefined;
  used: boolean;
  /** The last request failed for its language pair only: the provider is skipped for it, not broken. */
  pairMissing: boolean;
}

/** Errors that no retry will fix soon: open the circuit at once instead of after N failures. */
function opensAtOnce(error: ProviderError): boolean {
  return (
    error.kind === 'auth' || error.kind === 'quota' || error.kind === 'budget' || error.kind === 'unavailable'
  );
}

/**
 * Health of each provider, kept in memory for the worker's lifetime: a circuit breaker that skips a
 * failing provider for a growing cool-down, and a latency average to call a provider slow.
 * Shared across provider chains so rebuilding the chain after a settings change keeps what it learnt.
 */
export class ProviderHealth {
  private readonly records = new Map<ProviderId, HealthRecord>();
  private readonly now: () => number;
  private readonly failureThreshold: number;
  private readonly baseCooldownMs: number;
  private readonly maxCooldownMs: number;
  private readonly slowLatencyMs: number;
  private readonly latencySmoothing: number;

  constructor(options: ProviderHealthOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.failureThreshold = options.failureThreshold ?? HEALTH_DEFAULTS.failureThreshold;
    this.baseCooldownMs = options.baseCooldownMs ?? HEALTH_DEFAULTS.baseCooldownMs;
    this.maxCooldownMs = options.maxCooldownMs ?? HEALTH_DEFAULTS.maxCooldownMs;
    this.slowLatencyMs = options.slowLatencyMs ?? HEALTH_DEFAULTS.slowLatencyMs;
    this.latencySmoothing = options.latencySmoothing ?? HEALTH_DEFAULTS.latencySmoothing;
  }

  circuit(id: ProviderId): CircuitState {
    return this.records.get(id)?.circuit ?? 'closed';
  }

  /** Whether a request to `id` could be admitted now (no side effect). */
  isAvailable(id: ProviderId): boolean {
    const record = this.records.get(id);
    if (!record || record.circuit === 'closed') return true;
    return record.circuit === 'open' && this.now() >= record.openUntil;
  }

  /**
   * Asks to send one request to `id`. After a cool-down the first caller becomes the half-open probe;
   * everyone else is refused until the probe reports back.
   */
  admit(id: ProviderId): boolean {
    const record = this.records.get(id);
    if (!record || record.circuit === 'closed') return true;
    if (record.circuit === 'half-open' || this.now() < record.openUntil) return false;
    record.circuit = 'half-open';
    return true;
  }

  recordSuccess(id: ProviderId, latencyMs: number): void {
    const record = this.recordOf(id);
    record.used = true;
    record.pairMissing = false;
    record.circuit = 'closed';
    record.consecutiveFailures = 0;
    record.openings = 0;
    record.latencyMs =
      record.latencyMs === undefined
        ? latencyMs
        : record.latencyMs + this.latencySmoothing * (latencyMs - record.latencyMs);
  }

  /**
   * Counts a failed request. `openForMs` forces the circuit open for at least that long (a provider
   * that asked us to come back later).
   */
  recordFailure(id: ProviderId, error: ProviderError, openForMs = 0): void {
    if (error.kind === 'cancelled') {
      this.recordAbandoned(id);
      return;
    }
    const record = this.recordOf(id);
    record.used = true;
    record.lastError = error;
    record.consecutiveFailures += 1;
    const probeFailed = record.circuit === 'half-open';
    // Requests sent before the circuit opened report late; they must not stretch the cool-down.
    if (record.circuit === 'open') return;
    if (
      probeFailed ||
      opensAtOnce(error) ||
      openForMs > 0 ||
      record.consecutiveFailures >= this.failureThreshold
    ) {
      this.open(record, openForMs);
    }
  }

  /**
   * A request the provider cannot serve for its language pair (no on-device model for it): shown
   * as skipped, but the circuit stays closed so other pairs keep using the provider.
   */
  recordPairMissing(id: ProviderId, error: ProviderError): void {
    const record = this.recordOf(id);
    record.used = true;
    record.lastError = error;
    record.pairMissing = true;
  }

  /** A request given up by the caller tells nothing about the provider; frees a probe slot. */
  recordAbandoned(id: ProviderId): void {
    const record = this.records.get(id);
    if (record?.circuit === 'half-open') record.circuit = 'open';
  }

  /** Forgets what was learnt, e.g. after the user changed the provider's key. */
  reset(id?: ProviderId): void {
    if (id) this.records.delete(id);
    else this.records.clear();
  }

  /**
   * Whether `id` is known not to run here (no on-device model, not configured) rather than failing
   * for a while: until it answers again, its fallback is in effect the provider the reader uses.
   */
  cannotRunHere(id: ProviderId): boolean {
    const record = this.records.get(id);
    if (!record) return false;
    return record.pairMissing || (record.circuit !== 'closed' && record.lastError?.kind === 'unavailable');
  }

  /** Error that made `id` skipped or failing, if any. */
  lastError(id: ProviderId): ProviderError | undefined {
    return this.records.get(id)?.lastError;
  }

  view(ids: readonly ProviderId[]): ProviderHealthView[] {
    return ids.map((id) => {
      const record = this.records.get(id);
      if (!record || !record.used) return { id, state: 'unused' };
      const lastError = record.lastError?.message;
      const kind = record.lastError?.kind;
      if ((record.circuit === 'open' && this.now() < record.openUntil) || record.pairMissing)
        return { id, state: 'skipped', lastError, kind };
      if (record.circuit !== 'closed' || record.consecutiveFailures > 0)
        return { id, state: 'failing', lastError, kind };
      if (record.latencyMs !== undefined && record.latencyMs > this.slowLatencyMs)
        return { id, state: 'slow' };
      return { id, state: 'working' };
    });
  }

  private open(record: HealthRecord, atLeastMs: number): void {
    const cooldown = Math.min(this.maxCooldownMs, this.baseCooldownMs * 2 ** record.openings);
    record.openings += 1;
    record.circuit = 'open';
    record.openUntil = this.now() + Math.max(cooldown, atLeastMs);
  }

  private recordOf(id: ProviderId): HealthRecord {
    let record = this.records.get(id);
    if (!record) {
      record = {
        circuit: 'closed',
        consecutiveFailures: 0,
        openings: 0,
        openUntil: 0,
        latencyMs: undefined,
        lastError: undefined,
        used: false,
        pairMissing: false,
      };
      this.records.set(id, record);
    }
    return record;
  }
}
