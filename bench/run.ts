/**
 * `npm run bench`: builds the extension (the npm script does), then measures it in Chromium on the
 * fixture site and writes the figures to bench/results/latest.json and docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { launchExtension } from '../tests/e2e/browser';
import { startTestServer } from '../tests/e2e/server';
import { benchPageOverhead } from './page-overhead';
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

const server = await startTestServer();
const browser = await launchExtension({
  port: server.port,
  locale: 'en-US',
  viewport: { width: 1280, height: 860 },
});
const results = [];
try {
  results.push(await benchTranslationEfficiency(browser, server));
  results.push(await benchPageOverhead(browser, server));
} finally {
  await browser.close();
  await server.close();
}
results.push(glossaryMatcher());

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
const report = { date: new Date().toISOString(), machine, results };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
const failed = results.filter((result) => !result.pass).map((result) => result.name);
if (failed.length) {
  console.error(`Targets missed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
