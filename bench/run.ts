/**
 * `npm run bench`: builds the extension (the npm script does), then measures it in Chromium on the
 * fixture site, prints the reading table and writes every figure to bench/results/latest.json.
 *
 * - Reading patterns (reading-bench.ts): every way of reading a note's comments, with this build,
 *   the baseline build (baseline-build.ts: BENCH_BASELINE_REF, default da4fea2; BENCH_BASELINE=off
 *   skips it) and RedBridge off. BENCH_PATTERNS=wheel,link,… runs only those (`thousand` is the
 *   1,000-comment read).
 * - Translation efficiency (its second visit, served from the cache, is measured nowhere else),
 *   page overhead (a fling over 1,000 comments: rendering per frame and RedBridge's share of the
 *   page's scripting) and the glossary matcher, on this build. BENCH_LEGACY=off skips them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchExtension } from '../tests/e2e/browser';
import { startTestServer, type TestServer } from '../tests/e2e/server';
import { baselineBuild } from './baseline-build';
import { benchPageOverhead } from './page-overhead';
import { benchReadingPatterns, type Build } from './reading-bench';
import { READING_PATTERNS, THOUSAND_COMMENTS } from './reading-patterns';
import { benchTranslationEfficiency } from './translation-efficiency';

function glossaryMatcher() {
  const output = execFileSync('npx', ['tsx', 'bench/glossary-matcher.bench.ts'], { encoding: 'utf8' });
  const line = output
    .trim()
    .split('\n')
    .filter((candidate) => candidate.startsWith('{'))
    .pop()!;
  const result = JSON.parse(line) as { name: string; matchMs: number };
  return { ...result, pass: result.matchMs < 20 };
}

/**
 * This build, copied aside: other work in the same checkout may rebuild .output while the bench
 * runs, and every run must load the build the bench started with.
 */
function snapshotOfThisBuild(): Build {
  const dir = mkdtempSync(join(tmpdir(), 'redbridge-bench-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const changed = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
  return {
    name: 'new',
    extensionDir: dir,
    source: `working tree at ${head}${changed ? ' with changes' : ''}`,
  };
}

function selectedPatterns() {
  const all = [...READING_PATTERNS, THOUSAND_COMMENTS];
  if (process.env.BENCH_PATTERNS === 'none') return [];
  const wanted = process.env.BENCH_PATTERNS?.split(',').map((name) => name.trim());
  if (!wanted) return all;
  const unknown = wanted.filter((name) => !all.some((pattern) => pattern.name === name));
  if (unknown.length) throw new Error(`Unknown BENCH_PATTERNS: ${unknown.join(', ')}`);
  return all.filter((pattern) => wanted.includes(pattern.name));
}

/** The earlier benchmarks, each with a line saying what it found. */
async function legacyBenchmarks(server: TestServer, build: Build) {
  const browser = await launchExtension({
    port: server.port,
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
    extensionDir: build.extensionDir,
  });
  try {
    const efficiency = await benchTranslationEfficiency(browser, server);
    const overhead = await benchPageOverhead(browser, server);
    const { firstVisit: first, secondVisit: second } = efficiency;
    return [
      {
        result: efficiency,
        line:
          `first visit p50/p95 ${first.p50ShownAfterMs}/${first.p95ShownAfterMs} ms, ` +
          `${first.requests} requests for ${first.translatedUnits} units; ` +
          `second visit ${second.requests} requests, slowest ${second.maxShownAfterMs} ms`,
      },
      {
        result: overhead,
        line:
          `fling over ${overhead.comments} comments: RedBridge ${overhead.on.sampled.extensionMs} ms, ` +
          `${overhead.extensionShareOfPageScripting} % of the page's scripting; ` +
          `long tasks it caused ${overhead.on.longTasksCausedByExtension}`,
      },
      {
        result: { name: 'site-interface-labels', pass: overhead.labels.longTasksCausedByExtension === 0 },
        line:
          `labels on the same fling add ${overhead.labels.addedExtensionMs} ms of RedBridge's script; ` +
          `longest call ${overhead.labels.longestExtensionCallMs.on} ms with labels, ` +
          `${overhead.labels.longestExtensionCallMs.off} ms without; ` +
          `long tasks caused ${overhead.labels.longTasksCausedByExtension}`,
      },
    ];
  } finally {
    await browser.close();
  }
}

function glossaryLine(result: ReturnType<typeof glossaryMatcher>) {
  return { result, line: `match 1,000 comments ${result.matchMs} ms` };
}

const thisBuild = snapshotOfThisBuild();
const baseline = baselineBuild();
const builds: Build[] = [thisBuild];
if (baseline) {
  builds.push({
    name: 'baseline',
    extensionDir: baseline.extensionDir,
    source: `${baseline.ref} (${baseline.commit.slice(0, 7)})`,
  });
}
const loadAtStart = loadavg();
const server = await startTestServer();
const legacy = process.env.BENCH_LEGACY !== 'off';
let reading: Awaited<ReturnType<typeof benchReadingPatterns>>;
const others: { result: { name: string; pass: boolean }; line: string }[] = [];
try {
  reading = await benchReadingPatterns(server, builds, selectedPatterns());
  if (legacy) others.push(...(await legacyBenchmarks(server, thisBuild)));
} finally {
  await server.close();
  rmSync(thisBuild.extensionDir, { recursive: true, force: true });
}
if (legacy) others.push(glossaryLine(glossaryMatcher()));
const results = [reading, ...others.map(({ result }) => result)];

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
// Other work on the machine moves every timing: the load average says how busy it was.
const loadAverage = {
  start: loadAtStart.map((load) => Math.round(load * 100) / 100),
  end: loadavg().map((load) => Math.round(load * 100) / 100),
};
const report = { date: new Date().toISOString(), machine, loadAverage, results };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);

console.log(
  `\nReading patterns, provider latency 120 ms (${builds.map((build) => `${build.name}: ${build.source}`).join('; ')})\n`,
);
console.log(reading.table);
console.log('');
for (const { result, line } of others)
  console.log(`${result.name} (${result.pass ? 'met' : 'missed'}): ${line}`);
console.log(
  `\nLoad average ${loadAverage.start.join(' ')} → ${loadAverage.end.join(' ')}; figures in bench/results/latest.json`,
);
const failed = results.filter((result) => !result.pass).map((result) => result.name);
if (failed.length) {
  console.error(`Targets missed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
