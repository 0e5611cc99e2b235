import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  commentItem as comment,
  feedCard,
  hotSearchBlock,
  liveCard,
  noteModal as modal,
} from '@/tests/support/xhs-markup';
import { collectUnits, enclosingUnitSource, mayHoldUnitSource, sourcesChangedWith, type Unit } from './units';

const capture = (name: string) => readFileSync(`tests/fixtures/captures/${name}`, 'utf8');

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const summary = (units: Unit[]) => units.map(({ key, kind, segments }) => ({ key, kind, segments }));

describe('site adapter on real captures', () => {
  it('finds every feed card title on the explore page, keyed by note id, and nothing else', () => {
    const doc = load(capture('explore.html'));
    const units = collectUnits(doc, { pathname: '/explore' });
    const cards = doc.querySelectorAll('section.note-item');
    expect(cards.length).toBeGreaterThan(10);
    expect(units.every((unit) => unit.kind === 'card-title')).toBe(true);
    expect(units).toHaveLength(
      [...cards].filter((card) => card.querySelector('.footer a.title')?.textContent?.trim()).length,
    );
    expect(units[0]).toMatchObject({
      key: 'card:690f21b30000000003020fd6',
      segments: ['通过 GLM-4.6古法建站'],
    });
    // The login modal's and notice widgets' `.title` elements are not cards.
    expect(units.map((unit) => unit.segments[0])).not.toContain('温馨提示');
    expect(new Set(units.map((unit) => unit.key)).size).toBe(units.length);
  });

  it('reads search result cards the same way', () => {
    const doc = load(capture('search_result.html'));
    const units = collectUnits(doc, { pathname: '/search_result' });
    expect(units.length).toBeGreaterThan(5);
    expect(units.every((unit) => /^card:[0-9a-f]{24}$/.test(unit.key))).toBe(true);
  });

  it('reads a standalone note: title, body paragraphs and hashtags, comments and replies', () => {
    const doc = load(capture('defuddle-extractor--xiaohongshu-note.html'));
    const units = collectUnits(doc, { pathname: '/explore/6543b593000000001e01f6dc' });
    expect(summary(units)).toEqual([
      { key: 'note:6543b593000000001e01f6dc:title', kind: 'note-title', segments: ['Example Note Title'] },
      {
        key: 'note:6543b593000000001e01f6dc:body',
        kind: 'note-body',
        // The capture was re-indented by the tool that saved it, which put a line break inside the
        // first run; on the site a "\n" in a run is the author's paragraph break, kept as such.
        segments: ['This is an example', 'note content', 'ExampleTag1', 'ExampleTag2'],
      },
      {
        key: 'comment:6a0053820000000028034aae',
        kind: 'comment',
        segments: ['This is an example parent comment.'],
      },
      {
        key: 'comment:6a0086da000000002803303d',
        kind: 'reply',
        // The emoji image between the two runs carries no words and is left out.
        segments: ['This is an example reply comment.It provides very useful context for reading.'],
      },
    ]);
    expect(units[1]!.paragraphCount).toBe(2);
  });

  it('reads a profile bio line by line and the profile’s note cards', () => {
    const doc = load(capture('profile-page-excerpt-2025-09.html'));
    const units = collectUnits(doc, { pathname: '/user/profile/67f8fd81000000000e010b43' });
    expect(summary(units)).toEqual([
      {
        key: 'profile:67f8fd81000000000e010b43:bio',
        kind: 'profile-bio',
        segments: [
          '大厂资讯，每日电报',
          '带你了解大厂动态和商业逻辑，看清大厂风云',
          '有瓜速报，有料敢说，如有涉侵权随时踢我修改',
        ],
      },
      {
        key: 'card:68bbfa85000000001d023c91',
        kind: 'card-title',
        segments: ['联通中标300万大单，腾讯云不服投诉，逆转了'],
      },
    ]);
  });
});

describe('site adapter on modal notes', () => {
  const noteId = '67890abcdef0123456789abc';

  it('keys a modal note by its note-id attribute and keeps paragraphs, mentions, hashtags and emoji apart', () => {
    const doc = load(
      modal({
        noteId,
        titleHtml: '<div id="detail-title" class="title">周末去了趟成都🐼</div>',
        bodyHtml:
          '<!--[--><span>第一天先去了大熊猫基地\n早上八点就到了，</span><!--]--><!--[--><img class="note-content-emoji" alt="[哇R]"><!--]-->' +
          '<!--[--><span>人超级多\n感谢 </span><!--]--><!--[--><a class="note-content-user">@成都吃货</a><!--]--><!--[--><span> 的推荐！\n</span><!--]-->' +
          '<!--[--><a class="tag" id="hash-tag">#成都旅游[话题]#</a><!--]--><span> </span><!--[--><a class="tag" id="hash-tag">#大熊猫</a><!--]-->',
      }),
    );
    const [title, body] = collectUnits(doc, { pathname: '/explore' });
    expect(title).toMatchObject({ key: `note:${noteId}:title`, segments: ['周末去了趟成都🐼'] });
    expect(body).toMatchObject({
      key: `note:${noteId}:body`,
      segments: [
        '第一天先去了大熊猫基地',
        '早上八点就到了，人超级多',
        '感谢 @成都吃货 的推荐！',
        '成都旅游',
        '大熊猫',
      ],
      paragraphCount: 3,
      mentions: ['@成都吃货'],
    });
  });

  it('reads the 2025 layout, where the title is wrapped in a span', () => {
    const doc = load(
      modal({
        noteId,
        titleHtml: '<div id="detail-title"><span>Cat tax 🐱</span></div>',
        bodyHtml: '<span>Meet Mochi</span>',
      }),
    );
    expect(collectUnits(doc, { pathname: '/explore' })[0]).toMatchObject({
      kind: 'note-title',
      segments: ['Cat tax 🐱'],
    });
  });

  it('reads a reply to a reply without its "回复 X：" prefix, and remembers the nickname', () => {
    const doc = load(
      modal({
        noteId,
        titleHtml: '',
        bodyHtml: '<span>body</span>',
        commentsHtml: `<div class="parent-comment">${comment('aaaaaaaaaaaaaaaaaaaaaaaa', '<span class="note-text"><span>V我50</span></span>')}
          <div class="reply-container"><div class="list-container">${comment(
            'bbbbbbbbbbbbbbbbbbbbbbbb',
            '回复 <span class="nickname">Lily in Ohio</span>：<span class="note-text"><span>疯狂星期四懂的都懂</span></span>',
            { sub: true },
          )}</div></div></div>`,
      }),
    );
    const units = collectUnits(doc, { pathname: '/explore' });
    expect(
      units.slice(1).map(({ key, kind, segments, replyTo }) => ({ key, kind, segments, replyTo })),
    ).toEqual([
      { key: 'comment:aaaaaaaaaaaaaaaaaaaaaaaa', kind: 'comment', segments: ['V我50'], replyTo: undefined },
      {
        key: 'comment:bbbbbbbbbbbbbbbbbbbbbbbb',
        kind: 'reply',
        segments: ['疯狂星期四懂的都懂'],
        replyTo: 'Lily in Ohio',
      },
    ]);
  });

  it('skips emoji-only comments and never reads the login modal', () => {
    const doc = load(
      modal({
        noteId,
        titleHtml: '',
        bodyHtml: '',
        commentsHtml: comment(
          'cccccccccccccccccccccccc',
          '<span class="note-text"><img class="note-content-emoji" alt="[笑哭R]"></span>',
        ),
      }),
    );
    expect(collectUnits(doc, { pathname: '/explore' })).toEqual([]);
  });

  it('degrades gracefully when a comment lost its text container: warns once and keeps the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const doc = load(
      modal({
        noteId,
        titleHtml: '<div id="detail-title">标题</div>',
        bodyHtml: '<span>正文</span>',
        commentsHtml:
          comment('dddddddddddddddddddddddd', '<p>changed layout</p>') +
          comment('eeeeeeeeeeeeeeeeeeeeeeee', '<p>changed layout</p>') +
          comment('ffffffffffffffffffffffff', '<span class="note-text"><span>还在</span></span>'),
      }),
    );
    const keys = collectUnits(doc, { pathname: '/explore' }).map((unit) => unit.key);
    expect(keys).toEqual([`note:${noteId}:title`, `note:${noteId}:body`, 'comment:ffffffffffffffffffffffff']);
    expect(warn.mock.calls.filter(([message]) => String(message).includes('comment'))).toHaveLength(1);
  });

  it('finds the unit a text change happened in', () => {
    const doc = load(
      modal({ noteId, titleHtml: '<div id="detail-title">标题</div>', bodyHtml: '<span>正文</span>' }),
    );
    const text = doc.querySelector('#detail-desc span span')!.firstChild!;
    expect(enclosingUnitSource(text)?.id).toBe('detail-desc');
    expect(enclosingUnitSource(doc.querySelector('.reds-modal .title')!)).toBeNull();
  });
});

describe('removed subtrees', () => {
  const removed = (html: string) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return holder.firstElementChild!;
  };

  it('tells whether a subtree the page removed may have held units, though its ancestors are gone', () => {
    // A whole thread, or a comment's text element alone (Vue replacing it): both held a unit.
    expect(mayHoldUnitSource(removed(comment('c1', '<span class="note-text"><span>好</span></span>')))).toBe(
      true,
    );
    expect(mayHoldUnitSource(removed('<div class="content"><span class="note-text">好</span></div>'))).toBe(
      true,
    );
    expect(mayHoldUnitSource(removed('<div id="detail-desc" class="desc"></div>'))).toBe(true);
    // A loading spinner or a like count did not.
    expect(mayHoldUnitSource(removed('<div class="loading-container"><span>加载中</span></div>'))).toBe(
      false,
    );
    expect(mayHoldUnitSource(removed('<span class="count">12</span>'))).toBe(false);
  });
});

describe('the 2026 feed', () => {
  const A = '6a1b2c3d4e5f60718293a4b5';
  const B = '6a1b2c3d4e5f60718293a4b6';

  it('keys cards by data-note-id, and never a live card or the hot-search block', () => {
    const doc = load(
      `<div id="mfContainer"><div class="feeds-content"><div id="exploreFeeds" class="feeds-container">
      ${feedCard(0, A, '周末citywalk攻略', '2026')}${liveCard(1, '深夜陪你聊天')}
      ${hotSearchBlock(2, ['上海美食', '猫咪'])}${feedCard(3, B, '第二篇', '2026')}</div></div></div>`,
    );
    expect(collectUnits(doc, { pathname: '/explore' }).map((unit) => unit.key)).toEqual([
      `card:${A}`,
      `card:${B}`,
    ]);
  });

  it('takes the note id from data-note-id over the links, so a card reused in place is another unit', () => {
    const doc = load(`<div id="exploreFeeds">${feedCard(0, A, '同一个标题', '2026')}</div>`);
    const card = doc.querySelector('section.note-item')!;
    // The site replaces the attribute first; the links follow in a later patch.
    card.setAttribute('data-note-id', B);
    expect(sourcesChangedWith(card)).toEqual([card.querySelector('.footer > a.title')]);
    expect(collectUnits(doc, { pathname: '/explore' }).map((unit) => unit.key)).toEqual([`card:${B}`]);
  });

  it('skips a card whose note cannot be told rather than keying it by its text', () => {
    const doc = load(
      `<div id="exploreFeeds"><section class="note-item"><div class="footer"><a class="title"><span>无链接</span></a></div></section></div>`,
    );
    expect(collectUnits(doc, { pathname: '/explore' })).toEqual([]);
  });
});
