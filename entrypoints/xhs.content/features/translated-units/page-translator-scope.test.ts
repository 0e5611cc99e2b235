import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeViewport } from '@/tests/support/fake-viewport';
import { commentItem, noteModal, noteText } from '@/tests/support/xhs-markup';
import { overlayLabels as labels } from '@/tests/support/overlay-labels';
import type { TranslateRequest, TranslateResult } from '@/utils/translate/types';
import type { SourceScope } from '@/utils/settings-schema';
import { PageTranslator } from './page-translator';

const NOTE = '67890abcdef0123456789abc';
const ids = (n: number) => n.toString(16).padStart(24, 'a');

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 1));
};

const overlayKeys = () =>
  [...document.querySelectorAll<HTMLElement>('[data-rb-translation]')].map((overlay) => [
    overlay.dataset.rbKey,
    overlay.textContent,
  ]);

/** The reader's choice of which foreign text is translated, honoured on the page and changed live. */
describe('PageTranslator source scope', () => {
  let translator: PageTranslator | undefined;
  let viewport: ReturnType<typeof installFakeViewport>;
  const requests: TranslateRequest[] = [];

  beforeEach(() => {
    viewport = installFakeViewport();
    requests.length = 0;
    document.body.innerHTML = noteModal({
      noteId: NOTE,
      titleHtml: '<div id="detail-title">我的猫主子今天又嫌弃我了</div>',
      bodyHtml: '<span>买了三百块的猫窝，它非要睡快递箱</span>',
      commentsHtml:
        commentItem(ids(1), noteText('猫猫这么可爱，一定很会撒娇吧')) +
        commentItem(ids(2), noteText('猫ちゃん可愛すぎる！日本からも猫税を払いに来ました')) +
        commentItem(ids(3), noteText('Omg the little paws')),
    });
  });
  afterEach(() => {
    translator?.stop();
    viewport.uninstall();
  });

  function start(scope?: SourceScope) {
    translator = new PageTranslator({
      doc: document,
      location: () => ({ pathname: '/explore' }),
      reader: 'en',
      ...(scope ? { scope } : {}),
      mode: 'bilingual',
      labels,
      translate: async (request): Promise<TranslateResult> => {
        requests.push(request);
        return { translations: request.segments.map((text) => `EN(${text})`), provider: 'google-html' };
      },
      cancel: () => {},
      prioritize: () => {},
      flushDelayMs: 0,
    });
    translator.start();
    return translator;
  }

  it('translates the Japanese comment too by default', async () => {
    start();
    await settle();
    expect(overlayKeys().map(([key]) => key)).toEqual([
      `note:${NOTE}:title`,
      `note:${NOTE}:body`,
      `comment:${ids(1)}`,
      `comment:${ids(2)}`,
    ]);
  });

  it('with the primary scope sends only Chinese, and follows a live change of scope', async () => {
    const page = start('primary');
    await settle();
    expect(overlayKeys().map(([key]) => key)).toEqual([
      `note:${NOTE}:title`,
      `note:${NOTE}:body`,
      `comment:${ids(1)}`,
    ]);
    expect(requests.every((request) => request.from === 'zh-CN')).toBe(true);

    page.setScope('all');
    await settle();
    expect(overlayKeys()).toContainEqual([
      `comment:${ids(2)}`,
      'EN(猫ちゃん可愛すぎる！日本からも猫税を払いに来ました)',
    ]);
    expect(requests.some((request) => request.from === 'ja')).toBe(true);

    page.setScope('primary');
    await settle();
    expect(overlayKeys().map(([key]) => key)).not.toContain(`comment:${ids(2)}`);
    expect(document.querySelectorAll('[data-rb-translation]')).toHaveLength(3);
  });
});
