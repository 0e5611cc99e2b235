import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PhraseInput } from '@/utils/learning/phrase-merge';
import type { ReviewItem } from '@/utils/learning/phrase-store';
import type { ExtensionSession } from './extension-session';
import { useExtensionSession } from './extension-session';
import { ask } from './reader-actions';
import { NOTES, SITE, stopServiceWorker } from './support';

/**
 * An idle browser is not woken by RedBridge more than once an hour. Nobody can wait hours in CI, so
 * this reads the alarms the extension left in Chromium, across restarts of its service worker.
 */

const MINUTE = 60_000;

/** The cache is first pruned a minute after install; after that, no alarm is sooner than an hour. */
const FIRST_PRUNE = 'prune-translation-cache';
const NEXT_DUE = 'review-badge-next-due';

interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

type Chrome = {
  alarms: { getAll(): Promise<Alarm[]> };
  action: { setBadgeText(details: object): Promise<void>; getBadgeText(details: object): Promise<string> };
};

/** Every alarm of the extension, by name, as its service worker sees them. */
async function alarms(session: ExtensionSession): Promise<Alarm[]> {
  const worker = await session.browser.worker();
  const all = await worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll(),
  );
  return all
    .map(({ name, scheduledTime, periodInMinutes }) => ({ name, scheduledTime, periodInMinutes }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function badgeText(session: ExtensionSession): Promise<string> {
  const worker = await session.browser.worker();
  return worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));
}

const startedAt = (page: Page) => ask<{ startedAt: number }>(page, 'ping').then((reply) => reply.startedAt);

const phrase: PhraseInput = {
  text: '种草',
  lang: 'zh',
  pinyin: 'zhòngcǎo',
  meaning: 'to make someone want to buy something',
  context: {
    sentence: '被这只猫种草了',
    sentenceTranslation: 'This cat sold me on it',
    url: `${SITE}/explore/${NOTES.catTax}`,
    title: 'cat tax',
  },
};

describe('an idle browser', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('is woken by RedBridge at most once an hour, and restarting its worker moves no alarm', async () => {
    const popup = await session.browser.openExtensionPage('popup.html');
    await ask(popup, 'savePhrase', phrase);
    const [item] = await ask<ReviewItem[]>(popup, 'getDueItems', { limit: 1 });
    // Good on a new card makes it due again in minutes: the alarm for it still waits an hour.
    await ask(popup, 'gradeCard', { cardId: item!.card.id, grade: 3 });
    await expect
      .poll(async () => (await alarms(session)).map((alarm) => alarm.name))
      .toEqual([NEXT_DUE, FIRST_PRUNE].sort());

    const before = await alarms(session);
    const checkedAt = Date.now();
    for (const alarm of before) {
      expect(alarm.periodInMinutes ?? Infinity, alarm.name).toBeGreaterThanOrEqual(60);
      if (alarm.name !== FIRST_PRUNE)
        expect(alarm.scheduledTime - checkedAt, alarm.name).toBeGreaterThan(55 * MINUTE);
    }

    // A new run of the worker brings the badge up to date at start, and leaves the alarms alone.
    const firstRun = await startedAt(popup);
    const worker = await session.browser.worker();
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.action.setBadgeText({ text: '?' }),
    );
    await stopServiceWorker(session, popup);
    expect(await startedAt(popup)).toBeGreaterThan(firstRun);
    // The badge is the last thing the start-up update sets: once it shows, the alarms were seen to.
    await expect.poll(() => badgeText(session)).toBe('1');
    expect(await alarms(session)).toEqual(before);

    // Pages opened again wake the same worker: nothing moves either.
    const options = await session.browser.openExtensionPage('options.html#review');
    await ask(options, 'getDueCount');
    expect(await alarms(session)).toEqual(before);
    await options.close();
    await popup.close();
  });
});
