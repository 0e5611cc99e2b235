/**
 * Reads the CPU profile that a DevTools trace carries when it is recorded with the
 * `disabled-by-default-v8.cpu_profiler` category (as the Performance panel records), and judges
 * the trace's long tasks by it. Pure, so it is unit-tested on synthetic traces.
 *
 * Why from the trace rather than the `Profiler` domain: one recording gives the tasks and the
 * samples in the same clock, so a long task can be asked which scripts ran in it, and it follows
 * the page into whatever renderer it lands in, start-up included. The trace's top-level calls
 * alone would miss RedBridge's work in promise reactions (its port's answers are rendered there),
 * and a long task with only such work in it would pass as the page's.
 */
import {
  attributeScriptTime,
  type CpuProfile,
  type CpuProfileNode,
  type ScriptTime,
} from './profile-analysis';
import type { TraceEvent } from './trace-analysis';

/** The trace events this module reads, with the fields `TraceEvent` leaves out. */
interface ProfileEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: Partial<CpuProfileNode['callFrame']> }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

export interface ThreadProfile {
  pid: number;
  /** The thread the samples were taken on (the `Profile` event's thread). */
  tid: number;
  profile: CpuProfile;
  /** Each sample's trace timestamp (µs), parallel to `profile.samples`. */
  sampleTimes: number[];
}

/** Every CPU profile in the trace, one per profiled thread. */
export function profilesInTrace(traceEvents: TraceEvent[]): ThreadProfile[] {
  const events = traceEvents as unknown as ProfileEvent[];
  const found = new Map<string, ThreadProfile & { nodes: Map<number, CpuProfileNode>; last: number }>();
  for (const event of events) {
    if (event.name !== 'Profile') continue;
    found.set(`${event.pid}:${event.id}`, {
      pid: event.pid,
      tid: event.tid,
      profile: { nodes: [], samples: [], timeDeltas: [] },
      sampleTimes: [],
      nodes: new Map(),
      last: event.args?.data?.startTime ?? event.ts,
    });
  }
  // Chunks come from the profiler's own thread, in order; each adds nodes and samples.
  const parents = new Map<CpuProfileNode, number>();
  for (const event of events) {
    if (event.name !== 'ProfileChunk') continue;
    const profile = found.get(`${event.pid}:${event.id}`);
    const data = event.args?.data;
    if (!profile || !data) continue;
    for (const { parent, id, callFrame } of data.cpuProfile?.nodes ?? []) {
      // Trace profiles leave out empty fields (a native frame has no url).
      const added: CpuProfileNode = {
        id,
        callFrame: {
          functionName: callFrame.functionName ?? '',
          url: callFrame.url ?? '',
          lineNumber: callFrame.lineNumber ?? -1,
        },
        children: [],
      };
      profile.nodes.set(id, added);
      if (parent !== undefined) parents.set(added, parent);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((sample, index) => {
      profile.last += deltas[index] ?? 0;
      profile.profile.samples.push(sample);
      profile.profile.timeDeltas.push(deltas[index] ?? 0);
      profile.sampleTimes.push(profile.last);
    });
  }
  return [...found.values()].map(({ nodes, last: _last, ...profile }) => {
    for (const node of nodes.values()) {
      const parent = parents.has(node) ? nodes.get(parents.get(node)!) : undefined;
      parent?.children!.push(node.id);
    }
    return { ...profile, profile: { ...profile.profile, nodes: [...nodes.values()] } };
  });
}

/** The profile of the thread that ran the page's scripts: the one with most frames of them. */
export function pageProfile(
  events: TraceEvent[],
  isPage: (url: string) => boolean,
): ThreadProfile | undefined {
  let best: { profile: ThreadProfile; frames: number } | undefined;
  for (const profile of profilesInTrace(events)) {
    const frames = profile.profile.nodes.filter((node) => isPage(node.callFrame.url)).length;
    if (frames > 0 && (!best || frames > best.frames)) best = { profile, frames };
  }
  return best?.profile;
}

/** The samples of `thread` taken between `from` and `to` (trace µs), as a profile of their own. */
function slice(thread: ThreadProfile, from: number, to: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas = [0];
  thread.sampleTimes.forEach((time, index) => {
    if (time < from || time >= to) return;
    samples.push(thread.profile.samples[index]!);
    // attributeScriptTime gives a sample the time until the next one.
    timeDeltas.push(thread.profile.timeDeltas[index + 1] ?? 0);
  });
  return { nodes: thread.profile.nodes, samples, timeDeltas };
}

export interface LongTask {
  /** Trace timestamp (µs) and length (ms). */
  ts: number;
  ms: number;
  /** Milliseconds of samples in it with a frame of the extension's scripts. */
  extensionMs: number;
}

export interface LongTaskFigures {
  /** Tasks over 50 ms on the page's main thread. */
  longTasks: number;
  /** …in which RedBridge's script ran at all (a sample of it, or a top-level call into it). */
  longTasksWithExtension: number;
  /** …that would have been 50 ms or less without RedBridge's sampled time in them. */
  longTasksCausedByExtension: number;
  /** The long tasks RedBridge ran in, longest first. */
  withExtension: LongTask[];
  /**
   * The same counts for tasks over 50 ms of the thread's CPU time: on a busy machine a task also
   * waits for a core, and its wall time says as much about the machine as about the task.
   */
  byCpuTime: { longTasks: number; longTasksWithExtension: number };
}

const LONG_TASK_MS = 50;

/**
 * Long tasks of the profiled thread, each asked how much of it was RedBridge's. A top-level call
 * into an extension script inside a task counts as RedBridge running there even if no sample
 * caught it (a call shorter than the sampling interval).
 */
export function judgeLongTasks(
  traceEvents: TraceEvent[],
  thread: ThreadProfile,
  isExtension: (url: string) => boolean,
  isPage: (url: string) => boolean,
): LongTaskFigures {
  const own = traceEvents.filter(
    (event) =>
      event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur !== undefined,
  );
  own.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Only outermost tasks: nested task events would count the same time twice.
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of own) {
    if (event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask') continue;
    if (event.ts < end) continue;
    tasks.push(event);
    end = event.ts + event.dur!;
  }
  const extensionCalls = own.filter((event) => isExtension(event.args?.data?.url ?? ''));
  const figures: LongTaskFigures = {
    longTasks: 0,
    longTasksWithExtension: 0,
    longTasksCausedByExtension: 0,
    withExtension: [],
    byCpuTime: { longTasks: 0, longTasksWithExtension: 0 },
  };
  for (const task of tasks) {
    const ms = task.dur! / 1000;
    if (ms <= LONG_TASK_MS) continue;
    figures.longTasks++;
    const longOnCpu = (task.tdur ?? 0) / 1000 > LONG_TASK_MS;
    if (longOnCpu) figures.byCpuTime.longTasks++;
    const taskEnd = task.ts + task.dur!;
    const { extensionMs } = attributeScriptTime(slice(thread, task.ts, taskEnd), isExtension, isPage, 0);
    const called = extensionCalls.some((call) => call.ts >= task.ts && call.ts < taskEnd);
    if (extensionMs === 0 && !called) continue;
    figures.longTasksWithExtension++;
    if (longOnCpu) figures.byCpuTime.longTasksWithExtension++;
    if (ms - extensionMs <= LONG_TASK_MS) figures.longTasksCausedByExtension++;
    figures.withExtension.push({ ts: task.ts, ms: Math.round(ms * 10) / 10, extensionMs });
  }
  figures.withExtension.sort((a, b) => b.ms - a.ms);
  return figures;
}

export interface ReadingScriptTime extends ScriptTime {
  /**
   * The same split with every sample counted as one sampling interval: the time the thread ran.
   * A sample's own length runs to the next sample, so on a busy machine it also holds the time the
   * thread waited for a core; counting samples leaves that out (and misses what ran while the
   * sampler itself waited). Reported beside the judged figure, to tell the code from the machine.
   */
  bySampleCount: { pageMs: number; extensionMs: number };
}

/** Script time of the page and of RedBridge over the whole recording. */
export function scriptTime(
  thread: ThreadProfile,
  isExtension: (url: string) => boolean,
  isPage: (url: string) => boolean,
): ReadingScriptTime {
  const { profile } = thread;
  const deltas = profile.timeDeltas.filter((delta) => delta > 0).sort((a, b) => a - b);
  const interval = deltas[Math.floor(deltas.length / 2)] ?? 0;
  const counted = attributeScriptTime(
    { ...profile, timeDeltas: profile.timeDeltas.map(() => interval) },
    isExtension,
    isPage,
    0,
  );
  return {
    ...attributeScriptTime(profile, isExtension, isPage, 12),
    bySampleCount: { pageMs: counted.pageMs, extensionMs: counted.extensionMs },
  };
}
