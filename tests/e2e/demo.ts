/**
 * `npm run demo`: Chromium with RedBridge on the fixture site, served locally as
 * www.xiaohongshu.com, translated by the fake provider. No account and no network needed.
 * Close the browser window to stop.
 */
import { launchExtension } from './browser';
import { startTestServer } from './server';

const server = await startTestServer({ latencyMs: 250 });
const browser = await launchExtension({
  port: server.port,
  headless: process.env.DEMO_HEADLESS === '1',
  locale: process.env.DEMO_LOCALE ?? 'en-US',
  viewport: { width: 1400, height: 900 },
});
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto('https://www.xiaohongshu.com/explore');
console.log('RedBridge demo running: close the browser window to stop.');
console.log(
  'Try the "Paying my cat tax" note, the Chengdu food note, and the popup (puzzle icon → RedBridge).',
);
browser.context.on('close', () => void server.close());
await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
