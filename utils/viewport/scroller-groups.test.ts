import { afterEach, describe, expect, it } from 'vitest';
import type { Placed } from './band';
import { placed } from './placed.testing';
import { ScrollerGroups } from './scroller-groups';

describe('ScrollerGroups', () => {
  afterEach(() => document.body.replaceChildren());

  /** A thousand units a hundred pixels apart in the page, the 200th at the top of the screen. */
  function longList() {
    const list = placed(Array.from({ length: 1000 }, (_, index) => [index * 100 - 20_030, 100] as const));
    for (const element of list) document.body.append(element.parentElement!);
    const groups = new ScrollerGroups(() => null);
    for (const element of list) groups.add(element);
    return { list, groups, indices: (found: Placed[]) => found.map(({ element }) => list.indexOf(element)) };
  }

  it('keeps each list in document order, whatever order elements come in', () => {
    const { list, groups } = longList();
    const order = (elements: Element[]) => elements.map((element) => list.indexOf(element));
    const everything = { top: -Infinity, bottom: Infinity };
    // Read in runs (the units of one subtree), the runs in any order, single ones anywhere.
    for (const element of list) groups.delete(element);
    const runs = [
      list.slice(500, 520),
      list.slice(100, 110),
      list.slice(510, 530),
      [list[5]!],
      list.slice(900, 905),
    ];
    for (const run of runs) for (const element of run) groups.add(element);
    const expected = [...new Set(runs.flat())].sort((a, b) => list.indexOf(a) - list.indexOf(b));
    expect(order(groups.inBand(null, everything).map(({ element }) => element))).toEqual(order(expected));
  });

  it('never returns an element once it is removed, whether or not its list was compacted yet', () => {
    const { list, groups, indices } = longList();
    groups.delete(list[203]!);
    expect(indices(groups.inBand(null, { top: 0, bottom: 500 }))).toEqual([200, 201, 202, 204, 205]);
    for (const element of list.slice(0, 300)) groups.delete(element);
    expect(groups.size).toBe(700);
    expect(groups.inBand(null, { top: 0, bottom: 500 })).toEqual([]);
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
  });

  it('drops followed elements the page removed once a check meets one', () => {
    const { list, groups, indices } = longList();
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
    for (const element of list.slice(450, 550)) element.remove();
    groups.noteRemovals();
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
    expect(groups.size).toBe(900);
  });

  it('lists an element followed again once, where it was', () => {
    const { list, groups, indices } = longList();
    groups.delete(list[201]!);
    groups.add(list[201]!);
    groups.delete(list[202]!);
    expect(indices(groups.inBand(null, { top: 0, bottom: 250 }))).toEqual([200, 201]);
    for (const element of list.slice(0, 300)) groups.delete(element); // compacted on the way
    groups.add(list[201]!);
    expect(indices(groups.inBand(null, { top: 0, bottom: 250 }))).toEqual([201]);
  });

  it('is not misled by elements that left the page before their list was compacted', () => {
    const { list, groups, indices } = longList();
    // A hundred units around the middle leave the page: their boxes read empty, as if at the top.
    for (const element of list.slice(450, 550)) {
      element.remove();
      groups.delete(element);
    }
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
  });
});
