import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './trace-analysis';
import { judgeLongTasks, pageProfile, profilesInTrace, scriptTime } from './trace-profile';

const PAGE = 'https://www.xiaohongshu.com/fixture-assets/app.js';
const EXTENSION = 'chrome-extension://abc/content-scripts/xhs.js';
const isExtension = (url: string) => url.startsWith('chrome-extension://');
const isPage = (url: string) => url.startsWith('https://www.xiaohongshu.com');

/** A renderer main thread (pid 1, tid 1) profiled from t = 1,000 µs, one sample per ms. */
function trace(
  samples: number[],
  tasks: { ts: number; ms: number; cpuMs?: number }[],
  extra: object[] = [],
): TraceEvent[] {
  const node = (id: number, parent: number | undefined, functionName: string, url?: string) => ({
    id,
    parent,
    callFrame: { functionName, ...(url ? { url, lineNumber: 0 } : {}) },
  });
  const chunk = (nodes: object[], part: number[], deltas: number[]) => ({
    name: 'ProfileChunk',
    ph: 'P',
    ts: 0,
    pid: 1,
    tid: 9,
    id: '0x1',
    args: { data: { cpuProfile: { nodes, samples: part }, timeDeltas: deltas } },
  });
  const half = Math.ceil(samples.length / 2);
  return [
    { name: 'Profile', ph: 'P', ts: 1000, pid: 1, tid: 1, id: '0x1', args: { data: { startTime: 1000 } } },
    // Nodes arrive over chunks, each after its parent; native frames have no url.
    chunk(
      [node(1, undefined, '(root)'), node(2, 1, 'render', PAGE), node(3, 2, 'onMutation', EXTENSION)],
      samples.slice(0, half),
      samples.slice(0, half).map(() => 1000),
    ),
    chunk(
      [node(4, 3, 'appendChild')],
      samples.slice(half),
      samples.slice(half).map(() => 1000),
    ),
    ...tasks.map(({ ts, ms, cpuMs = ms }) => ({
      name: 'RunTask',
      ph: 'X',
      ts,
      dur: ms * 1000,
      tdur: cpuMs * 1000,
      pid: 1,
      tid: 1,
    })),
    ...extra,
  ] as unknown as TraceEvent[];
}

describe('profilesInTrace', () => {
  it('joins the chunks of a thread into one profile, with children and sample times', () => {
    const [thread] = profilesInTrace(trace([2, 3, 4, 2], []));
    expect(thread).toMatchObject({ pid: 1, tid: 1 });
    expect(thread!.profile.samples).toEqual([2, 3, 4, 2]);
    expect(thread!.sampleTimes).toEqual([2000, 3000, 4000, 5000]);
    expect(thread!.profile.nodes.find((node) => node.id === 3)!.children).toEqual([4]);
    expect(thread!.profile.nodes.find((node) => node.id === 4)!.callFrame.url).toBe('');
  });

  it('picks the page thread and splits its script time between the page and RedBridge', () => {
    const thread = pageProfile(trace([2, 3, 4, 2, 2], []), isPage)!;
    // Each sample lasts until the next; the last one's length is unknown.
    expect(scriptTime(thread, isExtension, isPage)).toMatchObject({
      pageMs: 2,
      extensionMs: 2,
      bySampleCount: { pageMs: 2, extensionMs: 2 },
    });
  });
});

describe('scriptTime', () => {
  it('also counts samples, leaving out the time the thread waited for a core mid-sample', () => {
    const nodes = [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
      { id: 2, callFrame: { functionName: 'render', url: PAGE, lineNumber: 0 }, children: [3] },
      { id: 3, callFrame: { functionName: 'onMutation', url: EXTENSION, lineNumber: 0 }, children: [] },
    ];
    // The page's sample ran 1 ms, then the thread waited 7 ms before the next one.
    const thread = {
      pid: 1,
      tid: 1,
      profile: { nodes, samples: [3, 2, 3, 3], timeDeltas: [0, 1000, 8000, 1000] },
      sampleTimes: [0, 1000, 9000, 10_000],
    };
    expect(scriptTime(thread, isExtension, isPage)).toMatchObject({
      pageMs: 8,
      extensionMs: 2,
      bySampleCount: { pageMs: 1, extensionMs: 2 },
    });
  });
});

describe('judgeLongTasks', () => {
  it("counts a long task RedBridge ran in, and whether RedBridge's time made it long", () => {
    // Samples at 2–61 ms: mostly the page, RedBridge in 5 of them (with its DOM call).
    const samples = Array.from({ length: 60 }, (_, index) => (index < 3 ? 3 : index < 5 ? 4 : 2));
    const thread = profilesInTrace(trace(samples, [{ ts: 1500, ms: 70 }]))[0]!;
    const figures = judgeLongTasks(trace(samples, [{ ts: 1500, ms: 70 }]), thread, isExtension, isPage);
    expect(figures).toMatchObject({ longTasks: 1, longTasksWithExtension: 1, longTasksCausedByExtension: 0 });
    expect(figures.withExtension[0]).toMatchObject({ ms: 70, extensionMs: 5 });

    const made = profilesInTrace(trace(samples, [{ ts: 1500, ms: 54 }]))[0]!;
    expect(judgeLongTasks(trace(samples, [{ ts: 1500, ms: 54 }]), made, isExtension, isPage)).toMatchObject({
      longTasksWithExtension: 1,
      longTasksCausedByExtension: 1,
    });
  });

  it('tells tasks long on the CPU from tasks that waited for a core', () => {
    const samples = Array.from({ length: 80 }, (_, index) => (index < 3 ? 3 : 2));
    const events = trace(samples, [
      { ts: 1500, ms: 70, cpuMs: 60 },
      { ts: 72_000, ms: 70, cpuMs: 20 },
    ]);
    const figures = judgeLongTasks(events, profilesInTrace(events)[0]!, isExtension, isPage);
    expect(figures).toMatchObject({
      longTasks: 2,
      longTasksWithExtension: 1,
      byCpuTime: { longTasks: 1, longTasksWithExtension: 1 },
    });
  });

  it('leaves out short tasks, nested tasks and long tasks of the page alone', () => {
    const samples = Array.from({ length: 80 }, () => 2);
    const events = trace(samples, [
      { ts: 1500, ms: 70 },
      { ts: 1600, ms: 60 }, // nested in the first
      { ts: 72_000, ms: 10 },
    ]);
    const figures = judgeLongTasks(events, profilesInTrace(events)[0]!, isExtension, isPage);
    expect(figures).toMatchObject({ longTasks: 1, longTasksWithExtension: 0 });
  });

  it('counts a top-level call into RedBridge no sample caught', () => {
    const samples = Array.from({ length: 80 }, () => 2);
    const call = {
      name: 'FunctionCall',
      ph: 'X',
      ts: 20_000,
      dur: 100,
      pid: 1,
      tid: 1,
      args: { data: { url: EXTENSION } },
    };
    const events = trace(samples, [{ ts: 1500, ms: 70 }], [call]);
    const figures = judgeLongTasks(events, profilesInTrace(events)[0]!, isExtension, isPage);
    expect(figures).toMatchObject({ longTasksWithExtension: 1, longTasksCausedByExtension: 0 });
  });
});
