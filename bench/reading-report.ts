/**
 * The reading benchmark's targets and its table: each pattern with RedBridge on in every build,
 * judged against the targets, beside the same reading with RedBridge off.
 */
import type { ReadingFigures } from './reading-figures';
import type { ReadingPattern, TargetName } from './reading-patterns';

export const TARGETS = {
  p50Ms: 0,
  p95Ms: 100,
  /** Requests may not exceed the comment pages loaded, plus one for the note's title and body. */
  requestsOverPages: 1,
  textsSentTwice: 0,
  longTasksWithRedBridge: 0,
  /** RedBridge's script time for the 1,000-comment read. */
  thousandScriptMs: 250,
};

export interface Verdict {
  target: string;
  pass: boolean;
}

/** The targets a run with RedBridge on is judged on; a run with it off is judged on none. */
export function judge(pattern: ReadingPattern, run: ReadingFigures): Verdict[] {
  if (run.redBridge === 'off') return [];
  const pages = run.commentPages + run.replyPages;
  const checks: Record<TargetName, Verdict[]> = {
    latency: [
      // Nothing measured would read as 0 ms: a reading that showed no translation fails.
      { target: 'p50 = 0 ms', pass: run.shownAfter.measured > 0 && run.shownAfter.p50 <= TARGETS.p50Ms },
      { target: 'p95 ≤ 100 ms', pass: run.shownAfter.measured > 0 && run.shownAfter.p95 <= TARGETS.p95Ms },
    ],
    requests: [{ target: 'requests ≤ pages + 1', pass: run.requests <= pages + TARGETS.requestsOverPages }],
    sentTwice: [{ target: '0 texts sent twice', pass: run.textsSentTwice <= TARGETS.textsSentTwice }],
    longTasks: [
      {
        target: '0 long tasks with RedBridge',
        pass: run.longTasks.longTasksWithExtension <= TARGETS.longTasksWithRedBridge,
      },
    ],
    scriptTime: [{ target: 'script ≤ 250 ms', pass: run.script.extensionMs <= TARGETS.thousandScriptMs }],
  };
  return pattern.targets.flatMap((name) => checks[name]);
}

const COLUMNS = [
  'pattern',
  'RedBridge',
  'p50 ms',
  'p95 ms',
  'max ms',
  'never shown',
  'requests / pages',
  'sent twice',
  'long tasks: with RB / caused / all',
  'on CPU: with RB / all',
  'RB script ms (by count)',
  'page script ms (by count)',
  'targets',
];

/** A number with a mark when the target it is judged on was missed. */
const mark = (value: number | string, missed: boolean) => (missed ? `${value} ✗` : String(value));

function row(pattern: ReadingPattern, run: ReadingFigures, verdicts: Verdict[]): string[] {
  const missed = (target: string) => verdicts.some((verdict) => verdict.target === target && !verdict.pass);
  const label = run.redBridge === 'off' ? 'off' : run.build;
  const on = run.redBridge === 'on';
  const dash = '—';
  const { shownAfter, longTasks } = run;
  const failed = verdicts.filter((verdict) => !verdict.pass).length;
  return [
    pattern.title,
    label,
    on ? mark(shownAfter.p50, missed('p50 = 0 ms')) : dash,
    on ? mark(shownAfter.p95, missed('p95 ≤ 100 ms')) : dash,
    on ? String(shownAfter.max) : dash,
    on ? `${shownAfter.neverShown} of ${shownAfter.measured + shownAfter.neverShown}` : dash,
    on
      ? mark(`${run.requests} / ${run.commentPages + run.replyPages}`, missed('requests ≤ pages + 1'))
      : `— / ${run.commentPages + run.replyPages}`,
    on ? mark(run.textsSentTwice, missed('0 texts sent twice')) : dash,
    `${mark(longTasks.longTasksWithExtension, missed('0 long tasks with RedBridge'))} / ${longTasks.longTasksCausedByExtension} / ${longTasks.longTasks}`,
    `${longTasks.byCpuTime.longTasksWithExtension} / ${longTasks.byCpuTime.longTasks}`,
    `${mark(run.script.extensionMs, missed('script ≤ 250 ms'))} (${run.script.bySampleCount.extensionMs})`,
    `${run.script.pageMs} (${run.script.bySampleCount.pageMs})`,
    on ? (failed ? `${failed} missed` : 'met') : dash,
  ];
}

/** A Markdown table (readable as it prints, and pasteable into docs/benchmarks.md). */
export function readingTable(
  patterns: ReadingPattern[],
  runs: ReadingFigures[],
  verdicts: Map<ReadingFigures, Verdict[]>,
): string {
  const rows = patterns.flatMap((pattern) =>
    runs.filter((run) => run.pattern === pattern.name).map((run) => row(pattern, run, verdicts.get(run)!)),
  );
  const widths = COLUMNS.map((column, index) =>
    Math.max(column.length, ...rows.map((cells) => cells[index]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, index) => (index < 2 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(COLUMNS), rule, ...rows.map(line)].join('\n');
}
