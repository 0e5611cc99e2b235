import { existsSync } from 'node:fs';

/** Debian's Chromium by default; CHROME_PATH points elsewhere on other machines. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  return found;
}
