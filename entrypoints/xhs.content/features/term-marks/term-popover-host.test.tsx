import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clickAsReader, dispatchAsReader, recordShadowRoots } from '@/tests/support/reader-events';
import type { TermCard } from '@/utils/glossary/term-card';
import { TermPopoverHost } from './term-popover-host';

/** One of the reader's own terms: what the page must not read or act on. */
const card: TermCard = {
  term: '红薯',
  surface: '红薯',
  entryId: 'user-1',
  kind: 'user',
  lang: 'zh',
  meaning: { en: 'What Xiaohongshu users call themselves' },
};
const bundled: TermCard = { ...card, entryId: 'bundled-1', kind: 'bundled' };

let shadowOf: ReturnType<typeof recordShadowRoots>;
let chip: HTMLButtonElement;
let onKeep: ReturnType<typeof vi.fn<(card: TermCard) => Promise<void>>>;
let popover: TermPopoverHost;

const host = () => document.querySelector('rb-term-popover');
/** React renders and handles events inside `act`, as Testing Library does for the pages' tests. */
const inAct = (work: () => unknown) => act(async () => void work());
const inPopover = (selector: string) => shadowOf(host())?.querySelector<HTMLElement>(selector) ?? null;

beforeEach(() => {
  shadowOf = recordShadowRoots();
  chip = document.createElement('button');
  chip.setAttribute('data-rb-term', '红薯');
  document.body.append(chip);
  onKeep = vi.fn(async (_card: TermCard) => {});
  popover = new TermPopoverHost({
    doc: document,
    locale: () => 'en',
    t: (key) => (key === 'glossary.popover.close' ? 'Close' : key),
    onKeep,
  });
});
afterEach(async () => {
  await inAct(() => popover.close(false));
  chip.remove();
});

describe('term popover host', () => {
  it('shows the reader’s term in a closed shadow root the page cannot open', async () => {
    await inAct(() => popover.open(card, chip));
    await vi.waitFor(() => expect(inPopover('.meaning')?.textContent).toBe(card.meaning!.en));
    expect(host()!.shadowRoot).toBeNull();
    expect(document.body.textContent).not.toContain(card.meaning!.en);
  });

  it('closes, and keeps a term, for the reader only', async () => {
    await inAct(() => popover.open(bundled, chip));
    await vi.waitFor(() => expect(inPopover('button.keep')).not.toBeNull());
    const dialog = inPopover('[role="dialog"]')!;

    // A page script's clicks, keys and presses elsewhere do nothing.
    await inAct(() => {
      inPopover('button.keep')!.click();
      inPopover('button.close')!.click();
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    expect(onKeep).not.toHaveBeenCalled();
    expect(host()).not.toBeNull();

    await inAct(() => clickAsReader(inPopover('button.keep')!));
    await vi.waitFor(() => expect(onKeep).toHaveBeenCalledWith(bundled));
    await inAct(() =>
      dispatchAsReader(dialog, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    await vi.waitFor(() => expect(host()).toBeNull());
    expect(document.activeElement).toBe(chip);

    await inAct(() => popover.open(card, chip));
    await vi.waitFor(() => expect(inPopover('button.close')).not.toBeNull());
    await inAct(() => clickAsReader(inPopover('button.close')!));
    await vi.waitFor(() => expect(host()).toBeNull());

    await inAct(() => popover.open(card, chip));
    await vi.waitFor(() => expect(inPopover('button.close')).not.toBeNull());
    await inAct(() =>
      dispatchAsReader(document.body, new PointerEvent('pointerdown', { bubbles: true, composed: true })),
    );
    expect(host()).toBeNull();
  });
});
