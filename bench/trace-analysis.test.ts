import { describe, expect, it } from 'vitest';
import { analyzeMainThread, type TraceEvent } from './trace-analysis';

const ORIGIN = 'https://www.xiaohongshu.com';
const meta = (pid: number, tid: number): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name: 'CrRendererMain' },
});
const task = (ts: number, dur: number): TraceEvent => ({ name: 'RunTask', ph: 'X', ts, dur, pid: 1, tid: 1 });
const call = (ts: number, dur: number, url: string, tdur = dur / 2): TraceEvent => ({
  name: 'FunctionCall',
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: 1,
  tid: 1,
  args: { data: { url } },
});

describe('analyzeMainThread', () => {
  it('splits scripting between the page and the extension and finds long tasks', () => {
    const events: TraceEvent[] = [
      meta(1, 1),
      meta(2, 1), // another renderer, no page scripts
      task(0, 20_000),
      call(1_000, 10_000, `${ORIGIN}/fixture-assets/app.js`),
      call(2_000, 3_000, `${ORIGIN}/fixture-assets/app.js`), // nested: not counted again
      task(30_000, 60_000), // a long task in which the extension ran
      call(31_000, 4_000, 'chrome-extension://abc/content-scripts/xhs.js'),
      call(40_000, 40_000, `${ORIGIN}/fixture-assets/app.js`),
      task(100_000, 55_000), // a long task of the page alone
      call(100_000, 55_000, `${ORIGIN}/fixture-assets/app.js`),
      task(200_000, 70_000), // a task the extension made long: 40 ms of page, 30 ms of ours
      call(200_000, 40_000, `${ORIGIN}/fixture-assets/app.js`),
      call(240_000, 30_000, 'chrome-extension://abc/content-scripts/xhs.js'),
      { name: 'Layout', ph: 'X', ts: 300_000, dur: 2_000, pid: 1, tid: 1 },
      { name: 'Paint', ph: 'X', ts: 302_000, dur: 3_000, pid: 1, tid: 1 },
      { name: 'PrePaint', ph: 'X', ts: 305_000, dur: 1_000, pid: 1, tid: 1 },
      { name: 'Commit', ph: 'X', ts: 306_000, dur: 500, pid: 1, tid: 1 },
      { name: 'Paint', ph: 'X', ts: 0, dur: 9_000, pid: 2, tid: 1 }, // another renderer's
    ];
    expect(analyzeMainThread(events, ORIGIN)).toEqual({
      pageScriptingMs: 145,
      extensionScriptingMs: 34,
      busyMs: 205,
      pageCpuMs: 72.5,
      extensionCpuMs: 17,
      extensionCalls: 2,
      longTasks: 3,
      longTasksWithExtension: 2,
      longTasksCausedByExtension: 1,
      longestExtensionCallMs: 30,
      frames: 1,
      styleMs: 0,
      layoutMs: 2,
      paintMs: 4,
      intersectionMs: 0,
    });
  });

  it('returns zeros when the page never ran a script', () => {
    expect(analyzeMainThread([meta(1, 1), task(0, 10)], ORIGIN).busyMs).toBe(0);
  });
});
