/**
 * Reads a Chrome performance trace and splits the renderer main thread's work between the page's
 * own scripts and RedBridge's content script. Pure, so it is unit-tested on synthetic traces.
 */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, when the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

export interface MainThreadFigures {
  /** Milliseconds of top-level script run by the page (its own scripts). */
  pageScriptingMs: number;
  /** Milliseconds of top-level script run by the extension's content script. */
  extensionScriptingMs: number;
  /** Milliseconds the main thread was busy with tasks of any kind. */
  busyMs: number;
  /**
   * The same top-level script time as CPU time (thread time): on a loaded machine wall time also
   * counts the moments the thread waited for a core, and is far noisier. Reported, not judged.
   */
  pageCpuMs: number;
  extensionCpuMs: number;
  /** How many times the page's main thread entered the extension's script (callbacks, timers). */
  extensionCalls: number;
  /** Tasks over 50 ms, and those of them in which the extension's script ran. */
  longTasks: number;
  longTasksWithExtension: number;
  /**
   * Long tasks the extension's script made long: without its calls they would have taken 50 ms or
   * less. A page task of 80 ms in which a 1 ms listener of ours ran is the page's, not ours.
   */
  longTasksCausedByExtension: number;
  longestExtensionCallMs: number;
  /** Frames the page committed, and the rendering work on the main thread, by kind. */
  frames: number;
  styleMs: number;
  layoutMs: number;
  /** Paint, pre-paint and layerizing. */
  paintMs: number;
  /** Intersection observers' geometry, computed by the browser every frame for every target. */
  intersectionMs: number;
}

const RENDERING_EVENTS: Record<string, 'styleMs' | 'layoutMs' | 'paintMs' | 'intersectionMs'> = {
  UpdateLayoutTree: 'styleMs',
  Layout: 'layoutMs',
  Paint: 'paintMs',
  PrePaint: 'paintMs',
  Layerize: 'paintMs',
  'IntersectionObserverController::computeIntersections': 'intersectionMs',
};

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.run', 'V8.Execute']);
const LONG_TASK_MS = 50;

function isExtensionUrl(url: string | undefined): boolean {
  return !!url && url.startsWith('chrome-extension://');
}

/** The renderer main thread that ran scripts from `pageOrigin`. */
function findPageMainThread(
  events: TraceEvent[],
  pageOrigin: string,
): { pid: number; tid: number } | undefined {
  const mains = events.filter(
    (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  let best: { pid: number; tid: number; hits: number } | undefined;
  for (const main of mains) {
    const hits = events.filter(
      (event) =>
        event.pid === main.pid && event.tid === main.tid && event.args?.data?.url?.startsWith(pageOrigin),
    ).length;
    if (!best || hits > best.hits) best = { pid: main.pid, tid: main.tid, hits };
  }
  return best && best.hits > 0 ? { pid: best.pid, tid: best.tid } : undefined;
}

export function analyzeMainThread(events: TraceEvent[], pageOrigin: string): MainThreadFigures {
  const thread = findPageMainThread(events, pageOrigin);
  const figures: MainThreadFigures = {
    pageScriptingMs: 0,
    extensionScriptingMs: 0,
    busyMs: 0,
    pageCpuMs: 0,
    extensionCpuMs: 0,
    extensionCalls: 0,
    longTasks: 0,
    longTasksWithExtension: 0,
    longTasksCausedByExtension: 0,
    longestExtensionCallMs: 0,
    frames: 0,
    styleMs: 0,
    layoutMs: 0,
    paintMs: 0,
    intersectionMs: 0,
  };
  if (!thread) return figures;
  const own = events
    .filter(
      (event) =>
        event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  const tasks = own.filter(
    (event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask',
  );
  // Only outermost tasks count: nested task events would count the same time twice.
  let taskEnd = -Infinity;
  const outerTasks: TraceEvent[] = [];
  for (const task of tasks) {
    if (task.ts >= taskEnd) {
      outerTasks.push(task);
      taskEnd = task.ts + task.dur!;
    }
  }
  for (const task of outerTasks) figures.busyMs += task.dur! / 1000;

  for (const event of own) {
    const kind = RENDERING_EVENTS[event.name];
    if (kind) figures[kind] += event.dur! / 1000;
    else if (event.name === 'Commit') figures.frames++;
  }

  let scriptEnd = -Infinity;
  const extensionCalls: TraceEvent[] = [];
  for (const event of own) {
    if (!SCRIPT_EVENTS.has(event.name) || event.ts < scriptEnd) continue; // nested in a script already counted
    scriptEnd = event.ts + event.dur!;
    const ms = event.dur! / 1000;
    if (isExtensionUrl(event.args?.data?.url)) {
      figures.extensionScriptingMs += ms;
      figures.extensionCpuMs += (event.tdur ?? 0) / 1000;
      figures.extensionCalls++;
      figures.longestExtensionCallMs = Math.max(figures.longestExtensionCallMs, ms);
      extensionCalls.push(event);
    } else if (event.args?.data?.url?.startsWith(pageOrigin)) {
      figures.pageScriptingMs += ms;
      figures.pageCpuMs += (event.tdur ?? 0) / 1000;
    }
  }
  for (const task of outerTasks) {
    if (task.dur! / 1000 <= LONG_TASK_MS) continue;
    figures.longTasks++;
    const end = task.ts + task.dur!;
    const inside = extensionCalls.filter((call) => call.ts >= task.ts && call.ts < end);
    if (inside.length === 0) continue;
    figures.longTasksWithExtension++;
    const extensionUs = inside.reduce((sum, call) => sum + call.dur!, 0);
    if ((task.dur! - extensionUs) / 1000 <= LONG_TASK_MS) figures.longTasksCausedByExtension++;
  }
  return figures;
}
