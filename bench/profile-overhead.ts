/**
 * Where the content script's time goes while the page-overhead scroll runs: the same 1,000-thread
 * note scrolled the same way, sampled with the DevTools CPU profiler, self time summed per function
 * of `content-scripts/xhs.js` (and per callee outside it that the content script called, e.g. DOM
 * calls and forced layouts, which V8 lists as native frames under it).
 *
 *   RB_OUTPUT_DIR=.output-<you> npx tsx bench/profile-overhead.ts [out.cpuprofile]
 *
 * Build without minification for readable names: a config that sets `vite: () => ({ build: {
 * minify: false } })`, passed to `wxt build -c`.
 */
import { writeFileSync } from 'node:fs';
import { launchExtension } from '../tests/e2e/browser';
import { startTestServer } from '../tests/e2e/server';
import { SITE, setSettings, waitForNoPending } from '../tests/e2e/support';
import { COMMENTS, NOTE, scrollThroughComments } from './page-overhead';
import { attributeScriptTime, type CpuProfile } from './profile-analysis';

const out = process.argv[2] ?? 'test-results/page-overhead.cpuprofile';
const server = await startTestServer();
server.provider.latencyMs = 150;
const browser = await launchExtension({
  port: server.port,
  locale: 'en-US',
  viewport: { width: 1280, height: 860 },
});
try {
  await setSettings(await browser.worker(), {
    sites: { 'www.xiaohongshu.com': true, 'www.rednote.com': true },
  });
  const page = await browser.context.newPage();
  await page.goto(`${SITE}/explore/${NOTE}?comments=${COMMENTS}&commentPageSize=20&apiDelay=40`);
  await page.waitForFunction(() => window.__fixture?.ready);
  await page.evaluate(() => window.__fixture!.ready);
  await waitForNoPending(page);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await scrollThroughComments(page);
  await waitForNoPending(page, 60_000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  writeFileSync(out, JSON.stringify(profile));
  const split = attributeScriptTime(
    profile,
    (url) => url.startsWith('chrome-extension://'),
    (url) => url.startsWith(SITE),
    60,
  );
  console.log(JSON.stringify(split, null, 1));
} finally {
  await browser.close();
  await server.close();
}
