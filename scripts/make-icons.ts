// Renders assets/icon.svg to the PNG sizes the manifest needs (public/icon/<size>.png) with the
// same Chromium the end-to-end tests use. Run after changing the icon: npx tsx scripts/make-icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/chromium-path';

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
