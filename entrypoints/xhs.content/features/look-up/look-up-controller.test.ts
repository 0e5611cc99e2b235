import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { clickAsReader, dispatchAsReader, recordShadowRoots } from '@/tests/support/reader-events';
import { commentItem, noteModal } from '@/tests/support/xhs-markup';
import type { PhraseInput } from '@/utils/learning/phrase-merge';
import type { LookUpRequest, LookUpResult } from '@/utils/learning/protocol';
import { LookUpController } from './look-up-controller';
import type { PopoverLabels } from './popover';

const NOTE = '67875c34000000006f54d753';
const labels: PopoverLabels = {
  label: 'Look-up',
  loading: 'Looking up…',
  failed: (message) => `Look-up failed: ${message}`,
  translation: 'Translation',
  sentence: 'In this sentence',
  words: 'Words',
  noTranslation: (message) => `No translation: ${message}`,
  save: 'Save',
  saved: 'Saved to your phrasebook',
  merged: 'Already in your phrasebook',
  close: 'Close',
  credit: 'Dictionary: CC-CEDICT (CC BY-SA 4.0)',
  explain: 'Explain',
  explaining: 'Asking…',
  explanation: 'Explanation',
  aiGenerated: 'AI-generated',
  literal: 'Literally',
  origin: 'Origin',
  keep: 'Add to my glossary',
  kept: 'Added',
  explainFailed: (message) => `No explanation: ${message}`,
};

const answer: LookUpResult = {
  text: '种草',
  lang: 'zh',
  dictionary: {
    pinyin: 'zhòngcǎo',
    words: [
      {
        word: '种草',
        pinyin: 'zhòng cǎo',
        senses: [
          {
            simplified: '种草',
            traditional: '種草',
            pinyin: 'zhòng cǎo',
            definitions: ['(Internet slang) to recommend a product to sb'],
          },
        ],
      },
    ],
  },
  translation: 'plant grass',
  sentenceTranslation: 'This cat sold me on it, I want an orange cat too',
  translatedTo: 'en',
};

let controller: LookUpController;
let lookUp: Mock<(request: LookUpRequest) => Promise<LookUpResult>>;
let save: Mock<(input: PhraseInput) => Promise<{ created: boolean }>>;

let shadowOf: ReturnType<typeof recordShadowRoots>;

/** Selects `text` in the comment, as the reader or (`byReader` false) a page script does. */
function selectInComment(text: string, byReader = true) {
  const node = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
  const start = node.textContent!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  const mouseup = new MouseEvent('mouseup', { bubbles: true, button: 0 });
  if (byReader) dispatchAsReader(node.parentElement!, mouseup);
  else node.parentElement!.dispatchEvent(mouseup);
}

/** Resolves once the document has announced a change of selection, as browsers do, a task later. */
const selectionChanged = () =>
  new Promise((resolve) => document.addEventListener('selectionchange', resolve, { once: true }));

const host = () => document.querySelector<HTMLElement>('[data-rb-lookup]');
const panel = () => shadowOf(host())?.querySelector('.panel');
const pressAsReader = (type: 'keydown' | 'keyup', init: KeyboardEventInit) =>
  dispatchAsReader(window, new KeyboardEvent(type, { bubbles: true, ...init }));

beforeEach(() => {
  shadowOf = recordShadowRoots();
  document.body.innerHTML = noteModal({
    noteId: NOTE,
    titleHtml: '<div id="detail-title" class="title">Paying my cat tax</div>',
    bodyHtml: 'Hi',
    commentsHtml: commentItem(
      'c1',
      '<span class="note-text"><span>绝绝子！被这只猫种草了，我也想养橘猫</span></span>',
    ),
  });
  lookUp = vi.fn(async (_request: LookUpRequest) => answer);
  save = vi.fn(async (_input: PhraseInput) => ({ created: true }));
  controller = new LookUpController({
    doc: document,
    location: () => ({
      pathname: '/explore',
      href: 'https://www.xiaohongshu.com/explore',
      origin: 'https://www.xiaohongshu.com',
    }),
    labels,
    lookUp,
    save,
  });
  controller.start();
});
afterEach(() => controller.stop());

describe('look-up popover', () => {
  it('opens on a selection in a comment with pinyin, definitions and translations, and saves the phrase', async () => {
    selectInComment('种草');
    await vi.waitFor(() => expect(panel()?.querySelector('.pinyin')?.textContent).toBe('zhòngcǎo'));
    expect(lookUp).toHaveBeenCalledWith({ text: '种草', sentence: '被这只猫种草了，我也想养橘猫' });
    expect(panel()!.querySelector('.definitions')?.textContent).toMatch(/recommend a product/);
    expect(panel()!.querySelector('.sentence-translation')?.textContent).toBe(answer.sentenceTranslation);
    expect(panel()!.getAttribute('role')).toBe('dialog');
    // The selection is still there: copying works as before.
    expect(document.getSelection()!.toString()).toBe('种草');

    clickAsReader(panel()!.querySelector<HTMLButtonElement>('button.save')!);
    await vi.waitFor(() =>
      expect(panel()!.querySelector('.status')?.textContent).toBe('Saved to your phrasebook'),
    );
    expect(save).toHaveBeenCalledWith({
      text: '种草',
      lang: 'zh',
      pinyin: 'zhòngcǎo',
      meaning: 'plant grass',
      context: {
        sentence: '被这只猫种草了，我也想养橘猫',
        sentenceTranslation: answer.sentenceTranslation,
        url: `https://www.xiaohongshu.com/explore/${NOTE}`,
        title: 'Paying my cat tax',
      },
    });
  });

  it('closes on Escape without letting the note see the key, on a click elsewhere, and when its text scrolls away', async () => {
    const seenByPage = vi.fn();
    document.addEventListener('keydown', seenByPage);
    selectInComment('种草');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    pressAsReader('keydown', { key: 'Escape' });
    expect(document.querySelector('[data-rb-lookup]')).toBeNull();
    expect(seenByPage).not.toHaveBeenCalled();

    selectInComment('橘猫');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    dispatchAsReader(document.body, new MouseEvent('mousedown', { bubbles: true }));
    expect(document.querySelector('[data-rb-lookup]')).toBeNull();

    selectInComment('橘猫');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    // Scrolled: it follows its text while the text is on screen, and closes once it is not.
    const rects = [
      { top: 300, bottom: 320, left: 40, right: 80, width: 40, height: 20 },
      { top: -60, bottom: -40, left: 40, right: 80, width: 40, height: 20 },
    ];
    // jsdom gives ranges no layout: these are the text's boxes after each scroll.
    Object.assign(Range.prototype, { getBoundingClientRect: () => rects.shift() as DOMRect });
    document.querySelector('.note-scroller')!.dispatchEvent(new Event('scroll'));
    expect((panel() as HTMLElement).style.top).toBe('328px');
    document.querySelector('.note-scroller')!.dispatchEvent(new Event('scroll'));
    expect(document.querySelector('[data-rb-lookup]')).toBeNull();
    delete (Range.prototype as { getBoundingClientRect?: unknown }).getBoundingClientRect;
  });

  it('listens to scrolling only while its popover is open', async () => {
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    const scrollCalls = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'scroll');
    controller.stop();
    controller.start();
    expect(scrollCalls(added)).toEqual([]);
    selectInComment('种草');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    expect(scrollCalls(added)).toHaveLength(1);
    pressAsReader('keydown', { key: 'Escape' });
    expect(scrollCalls(removed).map(([, listener]) => listener)).toEqual([scrollCalls(added)[0]![1]]);
    added.mockRestore();
    removed.mockRestore();
  });

  it('opens from a keyboard selection with Save focused, and gives focus back on Escape', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    const node = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
    const range = document.createRange();
    range.setStart(node, 8);
    range.setEnd(node, 10);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    // The browser announces the selection's change before the key comes up.
    await selectionChanged();
    dispatchAsReader(
      document.body,
      new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true, bubbles: true }),
    );
    const opened = host()!;
    await vi.waitFor(() => expect(shadowOf(opened)!.activeElement?.className).toBe('save'));
    pressAsReader('keydown', { key: 'Escape' });
    expect(opened.isConnected).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('looks up the word under the pointer with Alt held, without selecting anything', async () => {
    const node = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
    const caret = vi.fn(() => {
      const range = document.createRange();
      range.setStart(node, node.textContent!.indexOf('草'));
      return range;
    });
    Object.assign(document, { caretRangeFromPoint: caret });
    dispatchAsReader(document.body, new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(caret).not.toHaveBeenCalled();
    dispatchAsReader(
      node.parentElement!,
      new MouseEvent('mousemove', { bubbles: true, altKey: true, clientX: 5, clientY: 5 }),
    );
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    expect(lookUp).toHaveBeenCalledWith({
      text: '被这只猫种草了',
      sentence: '被这只猫种草了，我也想养橘猫',
      at: 5,
    });
    expect(document.getSelection()!.isCollapsed || document.getSelection()!.rangeCount === 0).toBe(true);
    delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  });

  it('looks where the pointer stopped when Alt+moves come faster than it looks', async () => {
    const node = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
    // x is the character offset under the pointer; 0 is the comment's first character.
    const caret = vi.fn((x: number) => {
      const range = document.createRange();
      range.setStart(node, x);
      return range;
    });
    Object.assign(document, { caretRangeFromPoint: caret });
    const move = (x: number) =>
      dispatchAsReader(
        node.parentElement!,
        new MouseEvent('mousemove', { bubbles: true, altKey: true, clientX: x, clientY: 5 }),
      );
    move(0);
    move(node.textContent!.indexOf('草'));
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalled());
    expect(lookUp).toHaveBeenLastCalledWith(expect.objectContaining({ at: 5 }));
    delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  });

  it('lets the pointer through the popover while Alt is held, to the words it lies over', async () => {
    selectInComment('种草');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    const opened = host()!;
    expect(opened.style.pointerEvents).toBe('');
    pressAsReader('keydown', { key: 'Alt', altKey: true });
    expect(opened.style.pointerEvents).toBe('none');
    pressAsReader('keyup', { key: 'Alt' });
    expect(opened.style.pointerEvents).toBe('');
    // Alt let go outside the page: the next move without it gives the popover its clicks back.
    pressAsReader('keydown', { key: 'Alt', altKey: true });
    dispatchAsReader(document.body, new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(opened.style.pointerEvents).toBe('');
    expect(opened.isConnected).toBe(true);
  });

  it('listens to nothing while stopped, and again once started', async () => {
    controller.stop();
    selectInComment('种草');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lookUp).not.toHaveBeenCalled();
    controller.start();
    controller.start();
    selectInComment('种草');
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledOnce());
  });

  it('shows why a look-up failed', async () => {
    lookUp.mockRejectedValueOnce(new Error('No answer from the background'));
    selectInComment('种草');
    await vi.waitFor(() =>
      expect(panel()?.querySelector('.error')?.textContent).toBe(
        'Look-up failed: No answer from the background',
      ),
    );
  });

  it('ignores selections outside units', async () => {
    const login = document.querySelector('.reds-modal .title')!;
    const range = document.createRange();
    range.selectNodeContents(login);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    dispatchAsReader(login, new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lookUp).not.toHaveBeenCalled();
    expect(document.querySelector('[data-rb-lookup]')).toBeNull();
  });
});

describe('look-up and the page’s own scripts', () => {
  /** Lets the mouseup's deferred read of the selection and any look-up it started run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('opens nothing for a selection a script made and a mouseup it dispatched', async () => {
    selectInComment('种草', false);
    await settle();
    expect(lookUp).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });

  it('opens nothing for a keyboard selection a script finished with Shift', async () => {
    selectInComment('种草', false);
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
    await settle();
    expect(lookUp).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });

  it('looks at nothing under a pointer a script moved with Alt held', async () => {
    const node = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
    const caret = vi.fn(() => {
      const range = document.createRange();
      range.setStart(node, 5);
      return range;
    });
    Object.assign(document, { caretRangeFromPoint: caret });
    node.parentElement!.dispatchEvent(
      new MouseEvent('mousemove', { bubbles: true, altKey: true, clientX: 5, clientY: 5 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(caret).not.toHaveBeenCalled();
    expect(lookUp).not.toHaveBeenCalled();
    delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  });

  it('reads no selection a script left behind on the reader’s next click or Shift', async () => {
    selectInComment('种草', false);
    await settle(); // every change it made has been announced
    // The reader clicks a button (the selection stays as it was), then presses and lets go of Shift.
    const button = document.createElement('button');
    document.body.append(button);
    dispatchAsReader(button, new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    dispatchAsReader(button, new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    pressAsReader('keydown', { key: 'Shift', shiftKey: true });
    dispatchAsReader(document.body, new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    await settle();
    expect(lookUp).not.toHaveBeenCalled();

    // A selection the reader's press made is read as ever.
    dispatchAsReader(button, new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    selectInComment('橘猫');
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledOnce());
    expect(lookUp).toHaveBeenCalledWith(expect.objectContaining({ text: '橘猫' }));
    button.remove();
  });

  it('keeps the reader’s popover out of the page’s reach: no Save, Close, Escape or Alt by script', async () => {
    selectInComment('种草');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    const opened = host()!;
    // Closed: the page cannot see what the reader looked up through the host.
    expect(opened.shadowRoot).toBeNull();

    panel()!.querySelector<HTMLButtonElement>('button.save')!.click();
    await settle();
    expect(save).not.toHaveBeenCalled();
    panel()!.querySelector<HTMLButtonElement>('button.close')!.click();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true }));
    expect(opened.isConnected).toBe(true);
    expect(opened.style.pointerEvents).toBe('');

    // The reader can still do each of these.
    clickAsReader(panel()!.querySelector<HTMLButtonElement>('button.save')!);
    await vi.waitFor(() => expect(save).toHaveBeenCalledOnce());
    pressAsReader('keydown', { key: 'Alt', altKey: true });
    expect(opened.style.pointerEvents).toBe('none');
    pressAsReader('keyup', { key: 'Alt' });
    clickAsReader(panel()!.querySelector<HTMLButtonElement>('button.close')!);
    expect(opened.isConnected).toBe(false);
  });
});
