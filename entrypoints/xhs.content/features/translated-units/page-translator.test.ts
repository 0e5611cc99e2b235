import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeViewport } from '@/tests/support/fake-viewport';
import { commentItem, feedCard, noteModal, noteText } from '@/tests/support/xhs-markup';
import { overlayLabels as labels } from '@/tests/support/overlay-labels';
import { clickAsReader } from '@/tests/support/reader-events';
import { MessageError } from '@/utils/transport/messages';
import { type TranslateRequest, type TranslateResult } from '@/utils/translate/types';
import { PageTranslator } from './page-translator';

const NOTE = '67890abcdef0123456789abc';
const ids = (n: number) => n.toString(16).padStart(24, 'a');

/** A fake background: answers from a dictionary, records requests, can be told to fail. */
function fakeBackground(dictionary: Record<string, string>) {
  const requests: TranslateRequest[] = [];
  const cancelled: string[] = [];
  let failNext = 0;
  const translate = vi.fn(async (request: TranslateRequest): Promise<TranslateResult> => {
    requests.push(request);
    await Promise.resolve();
    if (failNext > 0) {
      failNext--;
      throw new MessageError({
        kind: 'rate-limited',
        message: 'All translation services failed (rate limited)',
        provider: 'deepl',
      });
    }
    return {
      translations: request.segments.map((text) => dictionary[text] ?? `?${text}`),
      provider: 'google-html',
    };
  });
  const prioritized: string[] = [];
  return {
    requests,
    cancelled,
    prioritized,
    translate,
    cancel: (requestIds: string[]) => cancelled.push(...requestIds),
    prioritize: (requestIds: string[]) => prioritized.push(...requestIds),
    failNextRequests: (count: number) => (failNext = count),
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 1));
};

const overlays = () => [...document.querySelectorAll<HTMLElement>('[data-rb-translation]')];
const overlayFor = (selector: string) =>
  document.querySelector(selector)?.nextElementSibling as HTMLElement | null;

describe('PageTranslator', () => {
  let viewport: ReturnType<typeof installFakeViewport>;
  let translator: PageTranslator | undefined;

  beforeEach(() => {
    viewport = installFakeViewport();
    document.body.innerHTML = '';
  });
  afterEach(() => {
    translator?.stop();
    viewport.uninstall();
  });

  function start(background: ReturnType<typeof fakeBackground>, reader: 'en' | 'zh-CN' = 'en') {
    translator = new PageTranslator({
      doc: document,
      location: () => ({ pathname: '/explore' }),
      reader,
      mode: 'bilingual',
      labels,
      translate: background.translate,
      cancel: background.cancel,
      prioritize: background.prioritize,
      flushDelayMs: 0,
    });
    translator.start();
    return translator;
  }

  it('puts a translation after each foreign unit, leaves the reader’s language alone, and changes no site text', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">我家猫咪的日常</div>',
      bodyHtml: '<span>今天也是被猫主子统治的一天</span>',
      commentsHtml:
        commentItem(ids(1), noteText('V我50')) +
        commentItem(ids(2), noteText('Here is my cat tax')) +
        commentItem(ids(3), noteText('😂😂😂')),
    });
    const siteText = document.body.textContent;
    const background = fakeBackground({
      我家猫咪的日常: "My cat's daily life",
      今天也是被猫主子统治的一天: 'Another day ruled by my feline overlord',
      V我50: 'Send me 50',
    });
    start(background);
    await settle();

    expect(
      overlays().map((overlay) => [
        overlay.dataset.rbKey,
        overlay.dataset.rbState,
        overlay.lang,
        overlay.textContent,
      ]),
    ).toEqual([
      [`note:${NOTE}:title`, 'done', 'en', "My cat's daily life"],
      [`note:${NOTE}:body`, 'done', 'en', 'Another day ruled by my feline overlord'],
      [`comment:${ids(1)}`, 'done', 'en', 'Send me 50'],
    ]);
    expect(overlayFor('#detail-title')?.dataset.rbKey).toBe(`note:${NOTE}:title`);
    expect(overlayFor(`#comment-${ids(1)} .content`)?.dataset.rbKey).toBe(`comment:${ids(1)}`);
    expect(document.querySelector('span.note-text [data-rb-translation]')).toBeNull();
    // Only our elements were added: the site's own text is unchanged once they are removed.
    translator!.stop();
    expect(document.body.textContent).toBe(siteText);
  });

  it('for a Chinese reader translates the English comment and leaves Chinese ones untouched', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">Cat tax</div>',
      bodyHtml: '<span>Meet Mochi</span>',
      commentsHtml:
        commentItem(ids(1), noteText('猫税已交')) + commentItem(ids(2), noteText('no cap this cat is elite')),
    });
    const background = fakeBackground({
      'Cat tax': '猫税',
      'Meet Mochi': '认识一下麻薯',
      'no cap this cat is elite': '说真的，这只猫太顶了',
    });
    start(background, 'zh-CN');
    await settle();
    expect(overlays().map((overlay) => [overlay.dataset.rbKey, overlay.lang, overlay.textContent])).toEqual([
      [`note:${NOTE}:title`, 'zh-CN', '猫税'],
      [`note:${NOTE}:body`, 'zh-CN', '认识一下麻薯'],
      [`comment:${ids(2)}`, 'zh-CN', '说真的，这只猫太顶了'],
    ]);
    expect(background.requests.map((request) => [request.from, request.to])).toEqual([
      ['en', 'zh-CN'],
      ['en', 'zh-CN'],
      ['en', 'zh-CN'],
    ]);
  });

  it('keeps one translation through Vue re-rendering a comment body, the whole comment or its like count', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '',
      bodyHtml: '',
      commentsHtml: commentItem(ids(1), noteText('疯狂星期四'), { likes: 3 }),
    });
    const background = fakeBackground({ 疯狂星期四: 'Crazy Thursday' });
    start(background);
    await settle();
    expect(background.requests).toHaveLength(1);

    // Vue recreates the note-text vnode…
    const content = document.querySelector(`#comment-${ids(1)} .content`)!;
    content.innerHTML = noteText('疯狂星期四');
    // …patches the like count's text node in place…
    (document.querySelector(`#comment-${ids(1)} .count`)!.firstChild as Text).data = '4';
    await settle();
    // …and replaces the whole comment element.
    document.querySelector(`#comment-${ids(1)}`)!.outerHTML = commentItem(ids(1), noteText('疯狂星期四'), {
      likes: 4,
    });
    await settle();

    expect(overlays().map((overlay) => overlay.textContent)).toEqual(['Crazy Thursday']);
    expect(overlayFor(`#comment-${ids(1)} .content`)?.dataset.rbState).toBe('done');
    expect(background.requests).toHaveLength(1);
  });

  it('re-attaches its overlay when the site removes it', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">标题</div>',
      bodyHtml: '',
    });
    start(fakeBackground({ 标题: 'Title' }));
    await settle();
    overlays()[0]!.remove();
    await settle();
    expect(overlayFor('#detail-title')?.textContent).toBe('Title');
  });

  it('never shows a recycled card with another note’s translation', async () => {
    document.body.innerHTML = `<div id="exploreFeeds" class="feeds-container">${feedCard(0, ids(10), '第一篇笔记')}</div>`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const background = fakeBackground({ 第一篇笔记: 'First note', 第二篇笔记: 'Second note' });
    const answer = background.translate.getMockImplementation()!;
    background.translate.mockImplementation(async (request) => {
      if (request.segments[0] === '第二篇笔记') await gate;
      return answer(request);
    });
    start(background);
    await settle();
    expect(overlays()[0]?.textContent).toBe('First note');

    // The virtual list reuses the card element for another note: Vue patches text and links in place.
    const card = document.querySelector('section.note-item')!;
    (card.querySelector('a.title span')!.firstChild as Text).data = '第二篇笔记';
    for (const link of card.querySelectorAll('a[href]')) link.setAttribute('href', `/explore/${ids(11)}`);
    await settle();
    expect(overlays().every((overlay) => overlay.textContent !== 'First note')).toBe(true);

    release();
    await settle();
    expect(overlays().map((overlay) => [overlay.dataset.rbKey, overlay.textContent])).toEqual([
      [`card:${ids(11)}`, 'Second note'],
    ]);
  });

  it('re-reads a 2026 card whose note id the site replaced in place, even under the same title', async () => {
    document.body.innerHTML = `<div id="exploreFeeds" class="feeds-container">${feedCard(0, ids(10), '同一个标题', '2026')}</div>`;
    start(fakeBackground({ 同一个标题: 'Same title' }));
    await settle();
    expect(overlays().map((overlay) => overlay.dataset.rbKey)).toEqual([`card:${ids(10)}`]);
    document.querySelector('section.note-item')!.setAttribute('data-note-id', ids(11));
    await settle();
    expect(overlays().map((overlay) => [overlay.dataset.rbKey, overlay.textContent])).toEqual([
      [`card:${ids(11)}`, 'Same title'],
    ]);
  });

  it('asks for visible units first and leaves far ones until they come near', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '',
      bodyHtml: '',
      commentsHtml: [1, 2, 3].map((n) => commentItem(ids(n), noteText(`评论${n}`))).join(''),
    });
    const zone = (element: Element) =>
      element.closest(`#comment-${ids(1)}`)
        ? 'visible'
        : element.closest(`#comment-${ids(2)}`)
          ? 'near'
          : 'far';
    viewport.setZones(zone);
    const background = fakeBackground({});
    start(background);
    await settle();
    expect(background.requests.map((request) => [request.segments[0], request.priority])).toEqual([
      ['评论1', 'visible'],
      ['评论2', 'near'],
    ]);
    viewport.setZones(() => 'visible');
    await viewport.rescan();
    await settle();
    expect(background.requests.map((request) => request.segments[0])).toEqual(['评论1', '评论2', '评论3']);
  });

  it('reads a thread the page adds only once it comes near', async () => {
    document.body.innerHTML = noteModal({ noteId: NOTE, titleHtml: '', bodyHtml: '' });
    const background = fakeBackground({});
    start(background);
    await settle();
    const list = document.querySelector('.list-container')!;
    list.insertAdjacentHTML('beforeend', commentItem(ids(7), noteText('楼下的评论')));
    const thread = list.lastElementChild!;
    const reads = vi.spyOn(thread, 'querySelectorAll');
    viewport.setZones((element) => (element.closest('.comment-item') ? 'far' : 'visible'));
    await settle();
    await viewport.rescan();
    expect(reads).not.toHaveBeenCalled();
    expect(background.requests).toEqual([]);

    viewport.setZones((element) => (element.closest('.comment-item') ? 'near' : 'visible'));
    await viewport.rescan();
    await settle();
    expect(reads).toHaveBeenCalled();
    expect(background.requests.map((request) => [request.segments[0], request.priority])).toEqual([
      ['楼下的评论', 'near'],
    ]);
  });

  it('asks again after a glossary change, showing the old translation until the new one replaces it', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">我家猫咪的日常</div>',
      bodyHtml: '',
      commentsHtml: commentItem(ids(1), noteText('V我50')),
    });
    const dictionary: Record<string, string> = { 我家猫咪的日常: 'My cat’s day', V我50: 'V me 50' };
    const background = fakeBackground(dictionary);
    start(background);
    await settle();
    const title = overlayFor('#detail-title')!;
    const comment = overlayFor(`#comment-${ids(1)} .content`)!;
    expect([title.textContent, comment.textContent]).toEqual(['My cat’s day', 'V me 50']);

    // The reader added "V我50 → Send me 50": the comment is now far below, the title in view.
    viewport.setZones((element) => (element.closest('.comment-item') ? 'far' : 'visible'));
    dictionary.V我50 = 'Send me 50';
    dictionary.我家猫咪的日常 = 'My cat’s daily life';
    const asked = background.requests.length;
    translator!.refresh();
    // Nothing blinks: the same overlays, still showing their translations, no placeholder.
    expect(overlayFor('#detail-title')).toBe(title);
    expect([title.dataset.rbState, title.textContent]).toEqual(['done', 'My cat’s day']);
    await settle();
    expect(overlayFor('#detail-title')).toBe(title);
    expect(title.textContent).toBe('My cat’s daily life');
    // The far comment keeps its translation and is asked for only once it comes near.
    expect(background.requests.slice(asked).map((request) => request.segments[0])).toEqual([
      '我家猫咪的日常',
    ]);
    expect(comment.textContent).toBe('V me 50');
    viewport.setZones(() => 'visible');
    await viewport.rescan();
    await settle();
    expect(overlayFor(`#comment-${ids(1)} .content`)).toBe(comment);
    expect(comment.textContent).toBe('Send me 50');
    expect(overlays()).toHaveLength(2);
  });

  it('tells the background when a unit fetched ahead comes into view before its answer', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '',
      bodyHtml: '',
      commentsHtml: commentItem(ids(1), noteText('评论')),
    });
    viewport.setZones(() => 'near');
    const background = fakeBackground({});
    background.translate.mockImplementation((request) => {
      background.requests.push(request);
      return new Promise(() => undefined);
    });
    start(background);
    await settle();
    expect(background.requests.map((request) => request.priority)).toEqual(['near']);
    viewport.setZones(() => 'visible');
    await viewport.rescan();
    await settle();
    expect(background.prioritized).toEqual([background.requests[0]!.requestId]);
  });

  it('shows a failure with a reason and a retry control that works', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">标题</div>',
      bodyHtml: '',
    });
    const background = fakeBackground({ 标题: 'Title' });
    background.failNextRequests(1);
    start(background);
    await settle();
    const overlay = overlays()[0]!;
    expect(overlay.dataset.rbState).toBe('error');
    // Said in the interface language, not in the background's own words.
    expect(overlay.querySelector('.rb-error-message')?.textContent).toBe(
      'Translation failed: the services are limiting requests',
    );
    clickAsReader(overlay.querySelector<HTMLButtonElement>('button.rb-retry')!);
    await settle();
    expect(overlays().map((element) => [element.dataset.rbState, element.textContent])).toEqual([
      ['done', 'Title'],
    ]);
    expect(background.requests.map((request) => request.retry)).toEqual([undefined, true]);
    // Only the provider whose failure the unit showed gets another try.
    expect(background.requests.map((request) => request.retryProvider)).toEqual([undefined, 'deepl']);
  });

  it('retries for the reader’s click only: a page script’s click sends nothing', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">标题</div>',
      bodyHtml: '',
    });
    const background = fakeBackground({ 标题: 'Title' });
    background.failNextRequests(2);
    start(background);
    await settle();
    const outer = vi.fn();
    document.body.addEventListener('click', outer);
    // A retry asks the background to try a failed provider again: a page must not do that at will.
    const retry = () => overlays()[0]!.querySelector<HTMLButtonElement>('button.rb-retry')!;
    retry().click();
    retry().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(background.requests.map((request) => request.retry)).toEqual([undefined]);
    expect(overlays()[0]!.dataset.rbState).toBe('error');

    // Failed again after the reader's retry: the new Retry control is guarded as well.
    clickAsReader(retry());
    await settle();
    expect(overlays()[0]!.dataset.rbState).toBe('error');
    retry().click();
    await settle();
    expect(background.requests.map((request) => request.retry)).toEqual([undefined, true]);
    clickAsReader(retry());
    await settle();
    expect(background.requests.map((request) => request.retry)).toEqual([undefined, true, true]);
    expect(overlays()[0]!.textContent).toBe('Title');
    document.body.removeEventListener('click', outer);
    expect(outer).not.toHaveBeenCalled();
  });

  it('cancels the request of a unit that leaves the page before its answer', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '',
      bodyHtml: '',
      commentsHtml: commentItem(ids(1), noteText('评论')),
    });
    const background = fakeBackground({});
    background.translate.mockImplementation((request) => {
      background.requests.push(request);
      return new Promise(() => undefined);
    });
    start(background);
    await settle();
    document.querySelector(`#comment-${ids(1)}`)!.remove();
    await settle();
    expect(background.cancelled).toEqual([background.requests[0]!.requestId]);
  });

  it('shows text that looks like HTML as text', async () => {
    const script = '<script>window.__rbXss=1</script>';
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '',
      bodyHtml: '',
      commentsHtml: commentItem(ids(1), noteText(`看这个 ${script}`)),
    });
    start(fakeBackground({ [`看这个 ${script}`]: `Look at this <img src=x onerror="window.__rbXss=1">` }));
    await settle();
    const overlay = overlays()[0]!;
    expect(overlay.textContent).toBe('Look at this <img src=x onerror="window.__rbXss=1">');
    expect(overlay.querySelector('img, script')).toBeNull();
  });

  it('switches display mode live and removes everything when stopped', async () => {
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">标题</div>',
      bodyHtml: '<span>正文</span>',
    });
    const instance = start(fakeBackground({ 标题: 'Title', 正文: 'Body' }));
    await settle();
    instance.setMode('translation-only');
    expect(overlays().map((overlay) => overlay.dataset.rbMode)).toEqual([
      'translation-only',
      'translation-only',
    ]);
    instance.stop();
    expect(overlays()).toEqual([]);
  });
});
