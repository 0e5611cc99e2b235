import { browser } from 'wxt/browser';
import type { RedBridgeDatabase } from '@/utils/db/database';
import { ensureOneOffAlarm } from './alarms';

/**
 * Wakes the worker when the next card falls due, so the badge counts it with no page open. The
 * count is of cards due by now, not by the local day, so no alarm at midnight is needed.
 */
export const NEXT_DUE_ALARM = 'review-badge-next-due';

/** Earlier versions polled the due count on this alarm every quarter of an hour; installs keep it. */
export const LEGACY_POLLING_ALARM = 'review-badge';

function badgeText(due: number): string {
  if (due === 0) return '';
  return due > 999 ? '999+' : String(due);
}

async function showOnBadge(text: string): Promise<void> {
  const action =
    browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor?.({ color: '#d4380d' });
}

/**
 * Shows how many review cards are due on the toolbar button (nothing when none are), and leaves one
 * alarm for when the earliest card not yet due falls due, never sooner than an hour away.
 */
async function updateBadge(db: RedBridgeDatabase, now: number): Promise<void> {
  const [due, next] = await Promise.all([
    db.reviewCards.where('due').belowOrEqual(now).count(),
    db.reviewCards.where('due').above(now).first(),
  ]);
  if (next) await ensureOneOffAlarm(NEXT_DUE_ALARM, next.due, now);
  else await browser.alarms.clear(NEXT_DUE_ALARM);
  // Set last: once the badge changes, the whole update is done (the end-to-end test waits on it).
  await showOnBadge(badgeText(due));
}

export interface ReviewBadge {
  /** Brings the badge up to date after the phrases, cards or reviews changed. */
  update(): Promise<void>;
}

/** The due-review badge: updated at start, after each change and when the next card falls due. */
export function setupReviewBadge(db: RedBridgeDatabase, now: () => number = Date.now): ReviewBadge {
  // One update at a time, so an earlier one finishing late never shows an older count.
  let queue = Promise.resolve();
  const update = () => {
    queue = queue
      .then(() => updateBadge(db, now()))
      .catch((error: unknown) => console.warn('[RedBridge] badge', error));
    return queue;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NEXT_DUE_ALARM) void update();
  });
  browser.alarms.clear(LEGACY_POLLING_ALARM).catch(() => {});
  void update();
  return { update };
}
