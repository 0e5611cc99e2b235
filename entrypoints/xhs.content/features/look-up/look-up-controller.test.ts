import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
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

function selectInComment(text: string) {
  const node = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
  const start = node.textContent!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
}

const panel = () => document.querySelector('[data-rb-lookup]')?.shadowRoot?.querySelector('.panel');

beforeEach(() => {
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

    panel()!.querySelector<HTMLButtonElement>('button.save')!.click();
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
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('[data-rb-lookup]')).toBeNull();
    expect(seenByPage).not.toHaveBeenCalled();

    selectInComment('橘猫');
    await vi.waitFor(() => expect(panel()?.querySelector('.save')).toBeTruthy());
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
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
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
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
    document.body.dispatchEvent(
      new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true, bubbles: true }),
    );
    const host = document.querySelector('[data-rb-lookup]')!;
    await vi.waitFor(() => expect(host.shadowRoot!.activeElement?.className).toBe('save'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.isConnected).toBe(false);
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
    document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(caret).not.toHaveBeenCalled();
    node.parentElement!.dispatchEvent(
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
      node.parentElement!.dispatchEvent(
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
    const host = document.querySelector<HTMLElement>('[data-rb-lookup]')!;
    expect(host.style.pointerEvents).toBe('');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true }));
    expect(host.style.pointerEvents).toBe('none');
    window.dispatchEvent(new KeyboardEvent('keyup', { key: 'Alt' }));
    expect(host.style.pointerEvents).toBe('');
    // Alt let go outside the page: the next move without it gives the popover its clicks back.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true }));
    document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(host.style.pointerEvents).toBe('');
    expect(host.isConnected).toBe(true);
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
    login.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lookUp).not.toHaveBeenCalled();
    expect(document.querySelector('[data-rb-lookup]')).toBeNull();
  });
});
