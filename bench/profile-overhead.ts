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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const EXTENSION = /^chrome-extension:\/\//;

/** Self time per function in the extension's script, and time of non-script frames it called. */
export function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
  });
  /** Nearest script frame above a node (itself included). */
  const scriptFrame = (id: number): ProfileNode | undefined => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (node.callFrame.url) return node;
    }
    return undefined;
  };
  const functions = new Map<string, number>();
  let extensionUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const owner = scriptFrame(id);
    if (!owner || !EXTENSION.test(owner.callFrame.url)) continue;
    extensionUs += us;
    const name = node.callFrame.url
      ? `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`
      : `${node.callFrame.functionName} ← ${owner.callFrame.functionName || '(anonymous)'}:${owner.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const top = [...functions.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));
  return { extensionMs: Math.round(extensionUs / 100) / 10, top };
}

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
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  writeFileSync(out, JSON.stringify(profile));
  console.log(JSON.stringify(summarize(profile), null, 1));
} finally {
  await browser.close();
  await server.close();
}
