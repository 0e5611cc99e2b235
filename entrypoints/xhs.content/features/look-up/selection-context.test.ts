import { beforeEach, describe, expect, it } from 'vitest';
import { commentItem, noteModal } from '@/tests/support/xhs-markup';
import { readSelection } from './selection-context';

const NOTE = '67875c34000000006f54d753';
const where = {
  pathname: '/explore',
  href: 'https://www.xiaohongshu.com/explore',
  origin: 'https://www.xiaohongshu.com',
};

function select(node: Node, text: string): Selection {
  const start = node.textContent!.indexOf(text);
  const selection = document.getSelection()!;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

beforeEach(() => {
  document.body.innerHTML = noteModal({
    noteId: NOTE,
    titleHtml: '<div id="detail-title" class="title">Paying my cat tax to Xiaohongshu 🐱</div>',
    bodyHtml: "Please be nice to me. I'm trying to learn Chinese. 我叫Jess，谢谢大家！",
    commentsHtml: commentItem(
      'c1',
      '<span class="note-text"><span>绝绝子！被这只猫种草了，我也想养橘猫</span></span>',
    ),
  });
  document.title = 'Xiaohongshu';
});

describe('reading a selection', () => {
  it('finds the sentence of a comment and the note it belongs to', () => {
    const text = document.querySelector('#comment-c1 .note-text span')!.firstChild!;
    const context = readSelection(select(text, '种草'), where);
    expect(context).toMatchObject({
      text: '种草',
      sentence: '被这只猫种草了，我也想养橘猫',
      url: `https://www.xiaohongshu.com/explore/${NOTE}`,
      title: 'Paying my cat tax to Xiaohongshu 🐱',
    });
  });

  it('reads selections in a note body, in either language', () => {
    const body = document.querySelector('#detail-desc .note-text')!.firstChild!;
    expect(readSelection(select(body, 'learn'), where)?.sentence).toBe("I'm trying to learn Chinese.");
    expect(readSelection(select(body, '谢谢'), where)?.sentence).toBe('我叫Jess，谢谢大家！');
  });

  it('ignores selections outside units and empty ones', () => {
    const login = document.querySelector('.reds-modal .title')!.firstChild!;
    expect(readSelection(select(login, '登录'), where)).toBeNull();
    document.getSelection()!.removeAllRanges();
    expect(readSelection(document.getSelection(), where)).toBeNull();
  });
});
