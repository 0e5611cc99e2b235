import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, ScrollMotion } from './scroll-motion';

describe('ScrollMotion', () => {
  const HEIGHT = 800;

  it('tells a jump from a fling by whether the check before was fast too', () => {
    const motion = new ScrollMotion();
    expect(motion.judge(null, 0, HEIGHT, 0)).toEqual({ motion: 'settled', direction: 1 });
    // Five screens in a tenth of a second from rest: a jump (a link, the Home key).
    expect(motion.judge(null, 4000, HEIGHT, 100).motion).toBe('jumped');
    // Still fast at the next check: flung.
    expect(motion.judge(null, 8000, HEIGHT, 200).motion).toBe('flung');
    expect(motion.judge(null, 12_000, HEIGHT, 300).motion).toBe('flung');
    // Stopped.
    expect(motion.judge(null, 12_000, HEIGHT, 400).motion).toBe('settled');
    // Keyboard paging: 0.8 of a screen every half second is reading, not flinging.
    expect(motion.judge(null, 12_640, HEIGHT, 900).motion).toBe('settled');
  });

  it('keeps a fling that pauses and goes on a fling, and a fast move after a rest a jump', () => {
    const motion = new ScrollMotion();
    motion.judge(null, 0, HEIGHT, 0);
    motion.judge(null, 4000, HEIGHT, 100);
    expect(motion.judge(null, 8000, HEIGHT, 200).motion).toBe('flung');
    // A pause at the end of the loaded comments while the next page loads…
    expect(motion.judge(null, 8000, HEIGHT, 400).motion).toBe('settled');
    // …and on it goes: still the same fling.
    expect(motion.judge(null, 12_000, HEIGHT, 500).motion).toBe('flung');
    expect(motion.judge(null, 12_000, HEIGHT, 900).motion).toBe('settled');
    // A fast move well after the last one is a jump again.
    expect(motion.judge(null, 16_000, HEIGHT, 1100).motion).toBe('jumped');
  });

  it('goes by the last reading for a check sooner than an interval after it', () => {
    const motion = new ScrollMotion();
    motion.judge(null, 0, HEIGHT, 0);
    const jumped = motion.judge(null, 4000, HEIGHT, 100);
    expect(motion.judge(null, 4000, HEIGHT, 100 + CHECK_INTERVAL_MS - 1)).toEqual(jumped);
  });

  it('follows the direction of travel, and keeps it through a few pixels of drift', () => {
    const motion = new ScrollMotion();
    motion.judge(null, 1000, HEIGHT, 0);
    expect(motion.judge(null, 900, HEIGHT, 200).direction).toBe(-1);
    expect(motion.judge(null, 903, HEIGHT, 400).direction).toBe(-1);
    expect(motion.judge(null, 1000, HEIGHT, 600).direction).toBe(1);
  });

  it('judges each scroller on its own and forgets those that left the page', () => {
    const motion = new ScrollMotion();
    const scroller = document.body.appendChild(document.createElement('div'));
    motion.judge(scroller, 0, HEIGHT, 0);
    motion.judge(null, 0, HEIGHT, 0);
    expect(motion.judge(scroller, 4000, HEIGHT, 100).motion).toBe('jumped');
    expect(motion.judge(null, 0, HEIGHT, 100).motion).toBe('settled');
    scroller.remove();
    motion.prune();
    expect(motion.judge(scroller, 9000, HEIGHT, 200).motion).toBe('settled');
  });
});
