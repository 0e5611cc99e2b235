import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens a browser with the extension loaded, straight on Xiaohongshu.
export default defineWebExtConfig({
  startUrls: ['https://www.xiaohongshu.com/explore'],
  ...(process.env.CHROME_PATH ? { binaries: { chrome: process.env.CHROME_PATH } } : {}),
  // Chromium refuses to start its sandbox as root (containers, CI machines).
  chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
