import { describe, expect, it, vi } from 'vitest';
import { clickAsReader } from '@/tests/support/reader-events';
import type { TermCard } from '@/utils/glossary/term-card';
import { renderTermChips } from './term-chips';
import { TermHighlighter, findTermRanges } from './term-highlights';

const card = (surface: string, extra: Partial<TermCard> = {}): TermCard => ({
  surface,
  entryId: surface,
  kind: 'bundled',
  term: surface,
  lang: 'zh',
  ...extra,
});

const labels = { explain: (term: string) => `Explain “${term}”`, gloss: (c: TermCard) => c.rendering?.en };

describe('term chips', () => {
  it('renders one accessible chip per term after the translation, replacing earlier chips', () => {
    const overlay = document.createElement('div');
    overlay.textContent = 'Crazy Thursday, V me 50';
    const onOpen = vi.fn();
    renderTermChips(
      overlay,
      [card('疯狂星期四'), card('V我50', { rendering: { en: 'V me 50' } })],
      labels,
      onOpen,
    );
    renderTermChips(overlay, [card('疯狂星期四'), card('<img src=x onerror=alert(1)>')], labels, onOpen);
    const chips = [...overlay.querySelectorAll<HTMLButtonElement>('[data-rb-term]')];
    expect(chips.map((chip) => chip.dataset.rbTerm)).toEqual(['疯狂星期四', '<img src=x onerror=alert(1)>']);
    expect(overlay.querySelectorAll('img')).toHaveLength(0);
    expect(chips[0]!.getAttribute('aria-label')).toBe('Explain “疯狂星期四”');
    expect(overlay.firstChild!.textContent).toBe('Crazy Thursday, V me 50');

    const outer = vi.fn();
    document.body.append(overlay);
    overlay.addEventListener('click', outer);
    clickAsReader(chips[0]!);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ surface: '疯狂星期四' }), chips[0]);
    expect(outer).not.toHaveBeenCalled();

    renderTermChips(overlay, [], labels, onOpen);
    expect(overlay.querySelector('.rb-terms')).toBeNull();
    overlay.remove();
  });

  it('opens nothing for a click a page script made on a chip', () => {
    const overlay = document.createElement('div');
    const onOpen = vi.fn();
    renderTermChips(overlay, [card('猫税', { kind: 'user' })], labels, onOpen);
    document.body.append(overlay);
    const chip = overlay.querySelector<HTMLButtonElement>('[data-rb-term]')!;
    chip.click();
    chip.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
    clickAsReader(chip);
    expect(onOpen).toHaveBeenCalledOnce();
    overlay.remove();
  });

  it('shows the gloss in the reader’s language when there is one', () => {
    const overlay = document.createElement('div');
    renderTermChips(overlay, [card('V我50', { rendering: { en: 'V me 50' } })], labels, vi.fn());
    expect(overlay.querySelector('.rb-term')!.textContent).toBe('V我50V me 50');
  });
});

describe('term highlights', () => {
  it('finds terms across the site’s text nodes, case-insensitively, without touching them', () => {
    const source = document.createElement('span');
    source.innerHTML = '今天是疯狂<b>星期四</b>，Cat Tax 已交 <a>cat tax</a>';
    const before = source.innerHTML;
    const ranges = findTermRanges(source, ['疯狂星期四', 'cat tax']);
    expect(ranges.map(textOf)).toEqual(['疯狂星期四', 'Cat Tax', 'cat tax']);
    expect(source.innerHTML).toBe(before);
  });

  it('gives static ranges, which the browser does not update on every DOM change', () => {
    const source = document.createElement('span');
    source.textContent = '猫税交了';
    const [range] = findTermRanges(source, ['猫税']);
    expect(range).toBeInstanceOf(StaticRange);
    (source.firstChild as Text).replaceData(0, 1, '');
    // A live Range would have moved with the edit; a static one keeps its offsets.
    expect([range!.startOffset, range!.endOffset]).toEqual([0, 2]);
  });

  it('registers one highlight and replaces a unit’s ranges as its terms change', async () => {
    vi.useFakeTimers();
    const page = fakeWindow();
    const highlighter = new TermHighlighter(page.win);
    expect(page.registry.has('rb-term')).toBe(true);
    const source = page.unit('猫税 and 狗税');
    page.place(source, 100);
    highlighter.mark(source, ['猫税', '狗税']);
    await vi.advanceTimersByTimeAsync(200);
    expect(page.held.size).toBe(2);
    highlighter.mark(source, ['狗税']);
    await vi.advanceTimersByTimeAsync(200);
    expect([...page.held].map(textOf)).toEqual(['狗税']);
    highlighter.clearAll();
    expect(page.held.size).toBe(0);
    page.dispose();
    vi.useRealTimers();
  });

  it('holds only the ranges of units on screen, following the page as it scrolls', async () => {
    vi.useFakeTimers();
    const page = fakeWindow();
    const highlighter = new TermHighlighter(page.win);
    const near = page.unit('猫税');
    const far = page.unit('猫税 again');
    page.place(near, 100);
    page.place(far, 5000);
    highlighter.mark(near, ['猫税']);
    highlighter.mark(far, ['猫税']);
    await vi.advanceTimersByTimeAsync(200);
    expect([...page.held].map((range) => range.startContainer)).toEqual([near.firstChild]);

    // The reader scrolls: the far unit comes into view and the near one leaves it.
    page.place(near, -3000);
    page.place(far, 200);
    page.scroll(3100);
    await vi.advanceTimersByTimeAsync(200);
    expect([...page.held].map((range) => range.startContainer)).toEqual([far.firstChild]);

    // A source hidden behind its translation (translation-only mode, once done): no marks on it.
    const overlay = document.createElement('div');
    overlay.setAttribute('data-rb-translation', '');
    overlay.setAttribute('data-rb-mode', 'translation-only');
    overlay.setAttribute('data-rb-state', 'pending');
    far.after(overlay);
    highlighter.recheck();
    await vi.advanceTimersByTimeAsync(200);
    expect(page.held.size).toBe(1); // still shown while its translation is pending
    overlay.setAttribute('data-rb-state', 'done');
    highlighter.recheck();
    await vi.advanceTimersByTimeAsync(200);
    expect(page.held.size).toBe(0);
    overlay.remove();

    // A removed unit shows no marks, and a disposed highlighter stops listening.
    page.place(far, 200);
    far.parentElement!.remove();
    page.scroll(400);
    await vi.advanceTimersByTimeAsync(200);
    expect(page.held.size).toBe(0);
    highlighter.dispose();
    page.scroll(400);
    expect(vi.getTimerCount()).toBe(0);
    page.dispose();
    vi.useRealTimers();
  });

  it('checks at most every 100 ms while the page scrolls, and once more after the last scroll', async () => {
    vi.useFakeTimers();
    const page = fakeWindow();
    const highlighter = new TermHighlighter(page.win);
    const source = page.unit('猫税');
    page.place(source, 2600);
    let reads = 0;
    let top = 2600;
    // A check of one unit reads its box once.
    source.getBoundingClientRect = () => {
      reads++;
      return { top, bottom: top + 40, height: 40, width: 300 } as DOMRect;
    };
    highlighter.mark(source, ['猫税']);
    await vi.advanceTimersByTimeAsync(200);
    reads = 0;
    // A reader's scroll, 40 px a frame (3 screens a second, not a fling).
    for (let frame = 0; frame < 60; frame++) {
      top -= 40;
      page.scroll(40);
      await vi.advanceTimersByTimeAsync(16);
    }
    // 60 frames of scrolling, about a second: 4 to 10 checks, not one per scroll event.
    expect(reads).toBeGreaterThanOrEqual(4);
    expect(reads).toBeLessThanOrEqual(10);
    await vi.advanceTimersByTimeAsync(200);
    expect(top).toBe(200);
    expect(page.held.size).toBe(1); // the last position counts
    highlighter.dispose();
    page.dispose();
    vi.useRealTimers();
  });

  it('listens to scrolling only while it holds marks', async () => {
    vi.useFakeTimers();
    const page = fakeWindow();
    const added = vi.spyOn(page.win, 'addEventListener');
    const removed = vi.spyOn(page.win, 'removeEventListener');
    const highlighter = new TermHighlighter(page.win);
    const scrolling = () =>
      added.mock.calls.filter(([type]) => type === 'scroll').length -
      removed.mock.calls.filter(([type]) => type === 'scroll').length;
    expect(scrolling()).toBe(0); // nothing marked yet: a page without terms is never called
    const source = page.unit('猫税');
    page.place(source, 100);
    highlighter.mark(source, ['猫税']);
    await vi.advanceTimersByTimeAsync(200);
    expect(scrolling()).toBe(1);
    highlighter.mark(source, ['猫税']); // marked again: still one listener
    expect(scrolling()).toBe(1);
    highlighter.clearAll(); // e.g. the site switched off
    expect(scrolling()).toBe(0);
    highlighter.dispose();
    page.dispose();
    vi.useRealTimers();
  });

  it('reads a few boxes per check on a long list, and finds the units on screen in it', async () => {
    vi.useFakeTimers();
    const page = fakeWindow();
    const highlighter = new TermHighlighter(page.win);
    const units = Array.from({ length: 500 }, () => page.unit('猫税'));
    let reads = 0;
    let scrolled = 0;
    units.forEach((source, index) => {
      const at = () => index * 100 - scrolled;
      source.getBoundingClientRect = () => {
        reads++;
        return { top: at(), bottom: at() + 60, height: 60 } as DOMRect;
      };
      source.parentElement!.getBoundingClientRect = () => {
        reads++;
        return { top: at(), bottom: at() + 100, height: 100 } as DOMRect;
      };
    });
    for (const source of [...units].reverse()) highlighter.mark(source, ['猫税']);
    scrolled = 30_050;
    page.scroll(30_050);
    reads = 0;
    await vi.advanceTimersByTimeAsync(200);
    const shownUnits = [...page.held].map((range) =>
      units.indexOf(range.startContainer.parentElement as HTMLElement),
    );
    // Units 298–310 reach into the 800 px screen at 30,050 px down, or within a quarter screen of it.
    expect(shownUnits.sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, index) => 298 + index));
    expect(reads).toBeLessThan(40);
    highlighter.dispose();
    page.dispose();
    vi.useRealTimers();
  });
});

/**
 * A window with a highlight registry and layouts on a 16 ms timer, and units (each in its own parent,
 * as on the site) whose boxes the test places.
 */
function fakeWindow() {
  const events = new EventTarget();
  const held = new Set<AbstractRange>();
  const registry = new Map<string, unknown>();
  const list = document.createElement('div');
  document.body.append(list);
  class FakeHighlight {
    add = (range: AbstractRange) => held.add(range);
    delete = (range: AbstractRange) => held.delete(range);
  }
  const win = {
    CSS: { highlights: registry },
    Highlight: FakeHighlight,
    innerHeight: 800,
    scrollY: 0,
    performance: { now: () => Date.now() },
    document,
    // Reports a newly observed element after the next layout, here a 16 ms frame later.
    ResizeObserver: class {
      private timer: ReturnType<typeof setTimeout> | undefined;
      constructor(private readonly report: () => void) {}
      observe() {
        this.timer = setTimeout(() => this.report(), 16);
      }
      disconnect() {
        clearTimeout(this.timer);
      }
    },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  } as unknown as Window & typeof globalThis;
  const box = (top: number, height: number) => () => ({ top, bottom: top + height, height }) as DOMRect;
  return {
    win,
    held,
    registry,
    unit(text: string): HTMLElement {
      const parent = document.createElement('div');
      const source = document.createElement('p');
      source.textContent = text;
      parent.append(source);
      list.append(parent);
      return source;
    },
    /** Puts a unit at `top`; a hidden one (height 0) keeps its parent's place in the list. */
    place(source: Element, top: number, height = 40) {
      source.getBoundingClientRect = box(top, height);
      source.parentElement!.getBoundingClientRect = box(top, 40);
    },
    /** Scrolls the page by `by` pixels (boxes are moved by the test). */
    scroll: (by: number) => {
      (win as { scrollY: number }).scrollY += by;
      events.dispatchEvent(new Event('scroll'));
    },
    dispose: () => list.remove(),
  };
}

/** The text a static range covers, read through a live range made for the question. */
function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
