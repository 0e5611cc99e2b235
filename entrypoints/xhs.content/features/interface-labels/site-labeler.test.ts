import { afterEach, describe, expect, it, vi } from 'vitest';
import { LABEL_ATTRIBUTE, SiteLabeler } from './site-labeler';

const DICTIONARY: Record<string, string> = {
  发现: 'Explore',
  关注: 'Follow',
  作者: 'Author',
  '说点什么...': 'Say something...',
};

/** A stand-in for the dictionary: whole labels, and "共 N 条评论". */
function translate(text: string): string | undefined {
  const count = /^共 (\d+) 条评论$/.exec(text);
  if (count) return `${count[1]} comments`;
  return DICTIONARY[text];
}

const SELECTOR = 'span.channel, span.tag, .total, .engage span.hint';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let labeler: SiteLabeler | undefined;
afterEach(() => {
  labeler?.stop();
  labeler = undefined;
  document.body.innerHTML = '';
});

function start(onUnknown = vi.fn()) {
  labeler = new SiteLabeler({ doc: document, selector: SELECTOR, translate, onUnknown });
  labeler.start();
  return onUnknown;
}

describe('site interface labels', () => {
  it('shows labels in the reader’s language in the same text nodes, with the original kept', () => {
    document.body.innerHTML =
      '<nav><span class="channel"> 发现</span></nav><div class="total">共 129 条评论</div>' +
      '<div class="comment"><a class="name">关注</a><span class="tag">作者</span><p>我关注了</p></div>';
    const total = document.querySelector('.total')!.firstChild as Text;
    start();
    expect(document.querySelector('span.channel')!.textContent).toBe(' Explore');
    expect(document.querySelector('span.channel')!.getAttribute(LABEL_ATTRIBUTE)).toBe('发现');
    expect(document.querySelector('.total')!.firstChild).toBe(total);
    expect(total.data).toBe('129 comments');
    expect(document.querySelector('span.tag')!.textContent).toBe('Author');
    // Not an interface element: a nickname that happens to be a label, and a user's text.
    expect(document.querySelector('a.name')!.textContent).toBe('关注');
    expect(document.querySelector('p')!.textContent).toBe('我关注了');
  });

  it('follows the site’s own update of a text node: 60 comments becomes 61', async () => {
    document.body.innerHTML = '<div class="total">共 60 条评论</div>';
    start();
    const node = document.querySelector('.total')!.firstChild as Text;
    node.data = '共 61 条评论';
    await flush();
    expect(node.data).toBe('61 comments');
    expect(document.querySelector('.total')!.getAttribute(LABEL_ATTRIBUTE)).toBe('共 61 条评论');
  });

  it('labels interface elements the site adds later, and their new text nodes', async () => {
    start();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="engage"><span class="hint">说点什么...</span></div>',
    );
    await flush();
    expect(document.querySelector('span.hint')!.textContent).toBe('Say something...');
    const tag = document.createElement('span');
    tag.className = 'tag';
    document.body.append(tag);
    await flush();
    tag.append('作者');
    await flush();
    expect(tag.textContent).toBe('Author');
  });

  it('leaves a label it does not know as it is, and reports it once', async () => {
    document.body.innerHTML = '<span class="tag">新标签</span><span class="tag">新标签</span>';
    const onUnknown = start();
    expect(document.querySelector('span.tag')!.textContent).toBe('新标签');
    expect(document.querySelector('span.tag')!.hasAttribute(LABEL_ATTRIBUTE)).toBe(false);
    expect(onUnknown.mock.calls).toEqual([['新标签']]);
  });

  it('leaves text without Chinese alone: a bare count is nothing to translate or report', async () => {
    document.body.innerHTML = '<span class="tag">128</span><span class="tag">12-05</span>';
    const onUnknown = start();
    expect(document.body.querySelectorAll(`[${LABEL_ATTRIBUTE}]`)).toHaveLength(0);
    expect(onUnknown).not.toHaveBeenCalled();
  });

  it('never looks for labels inside what RedBridge added', async () => {
    labeler = new SiteLabeler({
      doc: document,
      selector: SELECTOR,
      translate,
      ownElements: '[data-rb-translation]',
    });
    labeler.start();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div data-rb-translation><span class="tag">作者</span></div><div><span class="tag">作者</span></div>',
    );
    await flush();
    expect([...document.querySelectorAll('span.tag')].map((tag) => tag.textContent)).toEqual([
      '作者',
      'Author',
    ]);
  });

  it('puts back every original exactly when stopped', async () => {
    const html =
      '<nav><span class="channel">\n  发现  </span></nav><div class="total">共 7 条评论</div>' +
      '<span class="tag">作者</span>';
    document.body.innerHTML = html;
    start();
    expect(document.body.innerHTML).not.toBe(html);
    labeler!.stop();
    labeler = undefined;
    expect(document.body.innerHTML).toBe(html);
  });

  it('keeps the site’s newer text when stopped right after the site changed it', () => {
    document.body.innerHTML = '<div class="total">共 1 条评论</div>';
    start();
    const node = document.querySelector('.total')!.firstChild as Text;
    expect(node.data).toBe('1 comments');
    node.data = '共 2 条评论';
    labeler!.stop();
    labeler = undefined;
    expect(node.data).toBe('共 2 条评论');
  });
});
