/**
 * The reading benchmark: every pattern of reading-patterns.ts with RedBridge on in each build (the
 * working tree's and the baseline's), then with RedBridge off, one pattern at a time so that a
 * busier spell of the machine falls on all sides of a comparison rather than on one build.
 *
 * Every run gets a fresh browser: a fresh install has an empty translation cache (a second run in
 * the same profile would be answered from it) and starts RedBridge as a new reader's browser does.
 */
import { launchExtension, type ExtensionBrowser } from '../tests/e2e/browser';
import type { TestServer } from '../tests/e2e/server';
import { setSettings } from '../tests/e2e/support';
import { measureReading, PROVIDER_LATENCY_MS, type ReadingFigures } from './reading-figures';
import type { ReadingPattern } from './reading-patterns';
import { judge, readingTable, TARGETS, type Verdict } from './reading-report';

export interface Build {
  /** `new` (the working tree's build) or `baseline`. */
  name: string;
  extensionDir: string;
  /** What it was built from, for the record. */
  source: string;
}

/** A fresh install opens and closes its welcome page and sets up its database: let that pass. */
const INSTALL_SETTLE_MS = 1500;

async function withFreshBrowser<T>(
  server: TestServer,
  build: Build,
  pattern: ReadingPattern,
  redBridge: 'on' | 'off',
  measure: (browser: ExtensionBrowser) => Promise<T>,
): Promise<T> {
  const browser = await launchExtension({
    port: server.port,
    locale: pattern.locale,
    viewport: { width: 1280, height: 860 },
    extensionDir: build.extensionDir,
  });
  try {
    if (redBridge === 'off') {
      await setSettings(await browser.worker(), {
        sites: { 'www.xiaohongshu.com': false, 'www.rednote.com': true },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, INSTALL_SETTLE_MS));
    return await measure(browser);
  } finally {
    await browser.close();
  }
}

export interface ReadingBenchResult {
  name: 'reading-patterns';
  providerLatencyMs: number;
  targets: typeof TARGETS;
  builds: Omit<Build, 'extensionDir'>[];
  runs: (ReadingFigures & { verdicts: Verdict[] })[];
  /** Whether the first build (the working tree's) met every target; the baseline is for comparison. */
  pass: boolean;
  table: string;
}

/**
 * Measures `patterns` in every build with RedBridge on and in the first build with it off (off, a
 * build is only its content script's start-up, so one build's figures stand for all).
 */
export async function benchReadingPatterns(
  server: TestServer,
  builds: Build[],
  patterns: ReadingPattern[],
): Promise<ReadingBenchResult> {
  const runs: ReadingFigures[] = [];
  const verdicts = new Map<ReadingFigures, Verdict[]>();
  for (const pattern of patterns) {
    const sides = [
      ...builds.map((build) => ({ build, redBridge: 'on' as const })),
      { build: builds[0]!, redBridge: 'off' as const },
    ];
    for (const { build, redBridge } of sides) {
      const label = `${pattern.name} / ${redBridge === 'on' ? build.name : 'off'}`;
      process.stdout.write(`reading: ${label}… `);
      const run = await withFreshBrowser(server, build, pattern, redBridge, (browser) =>
        measureReading(browser, server, pattern, { build: build.name, redBridge }),
      );
      runs.push(run);
      verdicts.set(run, judge(pattern, run));
      console.log(`${run.seconds} s (load average ${run.loadAverage})`);
    }
  }
  const table = readingTable(patterns, runs, verdicts);
  const first = builds[0]!.name;
  return {
    name: 'reading-patterns',
    providerLatencyMs: PROVIDER_LATENCY_MS,
    targets: TARGETS,
    builds: builds.map(({ name, source }) => ({ name, source })),
    runs: runs.map((run) => ({ ...run, verdicts: verdicts.get(run)! })),
    pass: runs
      .filter((run) => run.build === first && run.redBridge === 'on')
      .every((run) => verdicts.get(run)!.every((verdict) => verdict.pass)),
    table,
  };
}
