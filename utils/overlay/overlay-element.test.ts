import { describe, expect, it } from 'vitest';
import { overlayLabels as labels } from '@/tests/support/overlay-labels';
import type { Unit } from '../xhs/units';
import { createOverlay, hidesSource, renderDone } from './overlay-element';

const unit = (key: string): Unit => ({
  key,
  kind: 'comment',
  source: document.createElement('div'),
  segments: ['猫税'],
  paragraphCount: 1,
  mentions: [],
  text: '猫税',
});

describe('createOverlay', () => {
  it('makes each overlay whole, per the DOM contract, from a blank it never hands out', () => {
    const pending = createOverlay(document, unit('comment:1'), 'en', 'bilingual', 'pending', labels);
    const other = createOverlay(document, unit('comment:2'), 'en', 'bilingual', 'pending', labels);
    expect(pending).not.toBe(other);
    expect([pending.dataset.rbKey, other.dataset.rbKey]).toEqual(['comment:1', 'comment:2']);
    expect(pending.hasAttribute('data-rb-translation')).toBe(true);
    expect([pending.dataset.rbState, pending.getAttribute('aria-busy'), pending.lang]).toEqual([
      'pending',
      'true',
      'en',
    ]);
    expect(pending.querySelector('.rb-pending')?.textContent).toBe('Translating…');

    // Writing into one leaves the next one blank.
    renderDone(pending, unit('comment:1'), ['Cat tax'], labels);
    const done = createOverlay(document, unit('comment:3'), 'en', 'translation-only', 'done', labels);
    expect([done.dataset.rbState, done.dataset.rbMode, done.textContent]).toEqual([
      'done',
      'translation-only',
      '',
    ]);
    expect(createOverlay(document, unit('comment:4'), 'en', 'bilingual', 'pending', labels).textContent).toBe(
      'Translating…',
    );
  });

  it('tells a source hidden behind its translation from its attributes', () => {
    const parent = document.createElement('div');
    const source = document.createElement('div');
    parent.append(source);
    expect(hidesSource(source)).toBe(false);
    const overlay = createOverlay(document, unit('comment:5'), 'en', 'translation-only', 'pending', labels);
    source.after(overlay);
    expect(hidesSource(source)).toBe(false); // the original stays while its translation is pending
    renderDone(overlay, unit('comment:5'), ['Cat tax'], labels);
    expect(hidesSource(source)).toBe(true);
  });
});
