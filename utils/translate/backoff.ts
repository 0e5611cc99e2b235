/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(maxMs, baseMs * 2^attempt)).
 * Full jitter spreads the retries of many batches that failed together, so they do not hit a
 * recovering provider in one wave. `attempt` counts from 0 (the delay before the first retry).
 */
export function fullJitterBackoff(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
