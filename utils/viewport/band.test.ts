import { describe, expect, it } from 'vitest';
import { elementsInBand } from './band';
import { placed } from './placed.testing';

describe('elementsInBand', () => {
  it('finds the elements of a long list that meet the band by bisection', () => {
    const list = placed(Array.from({ length: 1000 }, (_, index) => [index * 100 - 20_030, 100] as const));
    const found = elementsInBand(list, { top: 0, bottom: 800 }, { tallest: 0 });
    expect(found.map(({ element }) => list.indexOf(element))).toEqual([
      200, 201, 202, 203, 204, 205, 206, 207, 208,
    ]);
    expect(found[0]!.box.top).toBe(-30);
    expect(list.reads.length).toBeLessThan(25);
  });

  it('reads each box it returns no more than once', () => {
    const list = placed(Array.from({ length: 200 }, (_, index) => [index * 100 - 5_030, 100] as const));
    const found = elementsInBand(list, { top: -1600, bottom: 2400 }, { tallest: 100 });
    expect(found).toHaveLength(41);
    for (const { element } of found)
      expect(list.reads.filter((read) => read === list.indexOf(element)).length).toBeLessThanOrEqual(1);
  });

  it('keeps a tall card of another masonry column that reaches into the band, once one that tall was seen', () => {
    // Two columns: card 0 (left) is tall; cards 1–4 fill the right column; card 5 starts lower.
    const cards = placed([
      [-900, 1200],
      [-800, 200],
      [-600, 200],
      [-400, 200],
      [-200, 150],
      [350, 300],
    ]);
    const reach = { tallest: 0 };
    // While card 0 was on screen, an earlier check read its box.
    expect(
      elementsInBand(cards, { top: -1000, bottom: -700 }, reach).map(({ element }) => cards.indexOf(element)),
    ).toEqual([0, 1]);
    expect(reach.tallest).toBe(1200);
    const found = elementsInBand(cards, { top: 0, bottom: 800 }, reach);
    expect(found.map(({ element }) => cards.indexOf(element))).toEqual([0, 5]);
  });
});
