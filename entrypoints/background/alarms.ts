import { browser } from 'wxt/browser';

/**
 * Alarms that outlive the service worker. The worker starts many times a day, and creating an alarm
 * that exists replaces it with a new schedule: a repeating alarm re-created on every start never
 * reaches its period and wakes the worker again soon after each start. So alarms here are created
 * only when the one in place is missing or no longer fits.
 */

/** The shortest wait of a one-off alarm, so an idle browser wakes RedBridge at most once an hour. */
export const MIN_ALARM_MINUTES = 60;

/**
 * Makes sure `name` repeats every `periodInMinutes`, first after `firstDelayInMinutes`. One with
 * the same period is kept as it is; one with another period (an older version's) is replaced.
 */
export async function ensureRepeatingAlarm(
  name: string,
  periodInMinutes: number,
  firstDelayInMinutes: number,
): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(name, { periodInMinutes, delayInMinutes: firstDelayInMinutes });
}

/**
 * Makes sure the one-off alarm `name` fires at `when`, but not sooner than an hour from `now`.
 * A pending one that fires earlier is kept: "an hour from now" moves with every start of the
 * worker, and once the alarm fires its listener schedules the next one.
 */
export async function ensureOneOffAlarm(name: string, when: number, now = Date.now()): Promise<void> {
  const at = Math.max(when, now + MIN_ALARM_MINUTES * 60_000);
  const existing = await browser.alarms.get(name);
  const pending = existing && existing.periodInMinutes === undefined && existing.scheduledTime > now;
  if (pending && existing.scheduledTime <= at) return;
  await browser.alarms.create(name, { when: at });
}
