import { fullJitterBackoff } from './backoff';

describe('fullJitterBackoff', () => {
  it('grows the ceiling exponentially up to the cap', () => {
    const nearlyOne = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5].map((attempt) => fullJitterBackoff(attempt, 500, 8000, nearlyOne))).toEqual([
      499, 999, 1999, 3999, 7999, 7999,
    ]);
  });

  it('is a uniform draw below the ceiling', () => {
    expect(fullJitterBackoff(2, 500, 8000, () => 0)).toBe(0);
    expect(fullJitterBackoff(2, 500, 8000, () => 0.5)).toBe(1000);
    expect(fullJitterBackoff(2, 500, 8000, () => 0.25)).toBe(500);
  });

  it('stays within [0, ceiling) for any draw', () => {
    for (let draw = 0; draw < 1; draw += 0.01) {
      const delay = fullJitterBackoff(3, 500, 8000, () => draw);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4000);
    }
  });
});
