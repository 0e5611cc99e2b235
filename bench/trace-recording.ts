import type { CDPSession } from 'playwright-core';
import type { TraceEvent } from './trace-analysis';

/** The timeline's tasks, frames, rendering work and top-level script calls. */
const TIMELINE = 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute';
/** V8's sampling profiler inside the trace (every ≈ 0.2 ms), as the Performance panel records it. */
const CPU_PROFILE = 'disabled-by-default-v8.cpu_profiler';

/**
 * Records a DevTools trace of the whole browser while `run` runs. With `cpuProfile`, the trace also
 * carries the CPU samples (see trace-profile.ts): costlier, so the page-overhead scroll, which
 * measures rendering per frame, records without them and is sampled on a separate run.
 */
export async function recordTrace(
  cdp: CDPSession,
  run: () => Promise<void>,
  { cpuProfile = false } = {},
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: TraceEvent[] }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect as never);
  await cdp.send('Tracing.start', {
    categories: cpuProfile ? `${TIMELINE},${CPU_PROFILE}` : TIMELINE,
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect as never);
  }
  return events;
}
