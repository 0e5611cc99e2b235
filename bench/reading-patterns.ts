/**
 * Every way of reading a note's comments the reading benchmark measures, each a small function of
 * the reader's moves (reader-moves.ts). All open a note standalone at /explore/<id>, whose comments
 * scroll inside `.note-scroller` and load 10 threads a page as its end comes near.
 *
 * A pattern calls `probe.reset()` where the reading it is judged on begins, if that is not when the
 * page opens: after a fling (what flew past was never read) or a jump (what showed while the page
 * made its way to the linked comment was not read either).
 */
import type { Page } from 'playwright-core';
import { NOTES } from '../tests/e2e/support';
import { model } from '../tests/fixtures/dataset';
import { fling, jumpToEnd, loadCommentPages, pageDown, untilStill, wheelAtPace } from './reader-moves';

export interface ShownAfterProbe {
  /** Forgets what was measured so far; what is in view now counts as just entered. */
  reset(): Promise<void>;
}

export type TargetName = 'latency' | 'requests' | 'sentTwice' | 'longTasks' | 'scriptTime';

export interface ReadingPattern {
  name: string;
  title: string;
  /** The browser's locale, from which RedBridge takes the reader's language. */
  locale: 'en-US' | 'zh-CN';
  /** Path and query of the page the reader opens. */
  path: string;
  read(page: Page, probe: ShownAfterProbe): Promise<void>;
  /** What this pattern is judged on (see reading-report.ts). */
  targets: TargetName[];
}

/** Comment pages answer after a fixed delay, so every run loads them at the same pace. */
const API_DELAY_MS = 100;
/** More comments than any pattern reaches, so none of them reads into the end marker. */
const COMMENTS = 400;
const note = (id: string, query = '') =>
  `/explore/${id}?comments=${COMMENTS}&apiDelay=${API_DELAY_MS}${query}`;
/** A reader's steady pace, the translation-efficiency benchmark's: 120 px every 200 ms. */
const READING = { stepPx: 120, everyMs: 200 };
const READING_TARGETS: TargetName[] = ['latency', 'requests', 'sentTwice', 'longTasks'];

/** The thread a link points to: the 150th, 15 comment pages down. */
const LINKED_THREAD = model.rawThreads(NOTES.chengduFood, COMMENTS)[149]!.id;

export const READING_PATTERNS: ReadingPattern[] = [
  {
    name: 'wheel',
    title: 'wheel, reading pace',
    locale: 'en-US',
    path: note(NOTES.chengduFood),
    read: (page) => wheelAtPace(page, { ...READING, seconds: 20 }),
    targets: READING_TARGETS,
  },
  {
    name: 'keyboard',
    title: 'keyboard paging',
    locale: 'en-US',
    path: note(NOTES.chengduFood),
    read: (page) => pageDown(page, { jumps: 25, seed: 7 }),
    targets: READING_TARGETS,
  },
  {
    name: 'fling',
    title: 'fling, then read',
    locale: 'en-US',
    path: note(NOTES.chengduFood),
    async read(page, probe) {
      await fling(page, { seconds: 1.5, seed: 11 });
      await probe.reset();
      await wheelAtPace(page, { ...READING, seconds: 15 });
    },
    targets: READING_TARGETS,
  },
  {
    name: 'link',
    title: 'link to a comment',
    locale: 'en-US',
    path: note(NOTES.chengduFood, `&anchorComment=${LINKED_THREAD}`),
    async read(page, probe) {
      // The page is ready once it has jumped (note-view.js revealComment).
      await untilStill(page);
      await probe.reset();
      await wheelAtPace(page, { ...READING, seconds: 15 });
    },
    targets: READING_TARGETS,
  },
  {
    name: 'upwards',
    title: 'reading back up',
    locale: 'en-US',
    path: note(NOTES.chengduFood),
    async read(page, probe) {
      await loadCommentPages(page, 8);
      await jumpToEnd(page);
      await probe.reset();
      await wheelAtPace(page, { ...READING, seconds: 20, direction: -1 });
    },
    targets: READING_TARGETS,
  },
  {
    name: 'chinese',
    title: 'Chinese reader, mixed thread',
    locale: 'zh-CN',
    // An English post (the flagship) under which 9 in 10 comments are Chinese.
    path: note(NOTES.catTax, '&mix=zh'),
    read: (page) => wheelAtPace(page, { ...READING, seconds: 20 }),
    targets: READING_TARGETS,
  },
];

/**
 * 1,000 comments read top to bottom, for RedBridge's script time over a whole long read: skimming
 * at about two screens a second so it stays near a minute and a half, yet half the speed RedBridge
 * takes for a fling (four screens a second), and 20 threads a page so paging keeps up.
 */
export const THOUSAND_COMMENTS: ReadingPattern = {
  name: 'thousand',
  title: '1,000 comments, brisk reading',
  locale: 'en-US',
  path: `/explore/${NOTES.catTax}?comments=1000&commentPageSize=20&apiDelay=${API_DELAY_MS}`,
  read: (page) => wheelAtPace(page, { stepPx: 300, everyMs: 180, seconds: 150 }),
  targets: ['scriptTime'],
};
