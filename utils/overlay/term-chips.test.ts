import { describe, expect, it, vi } from 'vitest';
import type { TermCard } from '../glossary/term-card';
import { renderTermChips } from './term-chips';
import { installFakeIntersectionObserver } from '@/tests/support/fake-intersection-observer';
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
    chips[0]!.click();
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ surface: '疯狂星期四' }), chips[0]);
    expect(outer).not.toHaveBeenCalled();

    renderTermChips(overlay, [], labels, onOpen);
    expect(overlay.querySelector('.rb-terms')).toBeNull();
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

  it('registers one highlight and replaces a unit’s ranges as its terms change', () => {
    const added: AbstractRange[] = [];
    const removed: AbstractRange[] = [];
    class FakeHighlight {
      add = (range: AbstractRange) => added.push(range);
      delete = (range: AbstractRange) => removed.push(range);
    }
    const registry = new Map<string, unknown>();
    const win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window &
      typeof globalThis;
    const highlighter = new TermHighlighter(win);
    expect(registry.has('rb-term')).toBe(true);
    const source = document.createElement('p');
    source.textContent = '猫税 and 狗税';
    document.body.append(source);
    highlighter.mark(source, ['猫税', '狗税']);
    expect(added).toHaveLength(2);
    highlighter.mark(source, ['狗税']);
    expect(removed).toHaveLength(2);
    expect(added).toHaveLength(3);
    highlighter.clearAll();
    expect(removed).toHaveLength(3);
    source.remove();
  });

  it('holds only the ranges of units on screen', async () => {
    const zones = installFakeIntersectionObserver(() => 'far');
    const held = new Set<AbstractRange>();
    class FakeHighlight {
      add = (range: AbstractRange) => held.add(range);
      delete = (range: AbstractRange) => held.delete(range);
    }
    const win = {
      CSS: { highlights: new Map() },
      Highlight: FakeHighlight,
      IntersectionObserver: globalThis.IntersectionObserver,
    } as unknown as Window & typeof globalThis;
    const highlighter = new TermHighlighter(win);
    const near = document.createElement('p');
    near.textContent = '猫税';
    const far = document.createElement('p');
    far.textContent = '猫税 again';
    document.body.append(near, far);
    zones.setZones((element) => (element === near ? 'visible' : 'far'));
    highlighter.mark(near, ['猫税']);
    highlighter.mark(far, ['猫税']);
    await Promise.resolve();
    expect([...held].map((range) => range.startContainer)).toEqual([near.firstChild]);

    zones.setZones((element) => (element === far ? 'visible' : 'far'));
    zones.rescan();
    expect([...held].map((range) => range.startContainer)).toEqual([far.firstChild]);

    // A removed element is reported as not intersecting.
    far.remove();
    zones.setZones(() => 'far');
    zones.rescan();
    expect(held.size).toBe(0);
    near.remove();
  });
});

/** The text a static range covers, read through a live range made for the question. */
function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
