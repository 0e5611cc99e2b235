/**
 * Small builders of Xiaohongshu markup for unit tests, following the real captures in
 * tests/fixtures/captures (same ids, class names and nesting). The e2e fixture site is richer.
 */

/** A note modal as the site renders it in 2026 (title text directly in #detail-title). */
export function noteModal(options: {
  noteId: string;
  titleHtml: string;
  bodyHtml: string;
  commentsHtml?: string;
}): string {
  return `<div class="note-detail-mask" note-id="${options.noteId}"><div id="noteContainer" class="note-container" data-type="normal">
    <div class="interaction-container"><div class="note-scroller"><div class="note-content">
      ${options.titleHtml}
      <div id="detail-desc" class="desc"><span class="note-text">${options.bodyHtml}</span></div>
    </div><div class="comments-el"><div class="comments-container"><div class="list-container">${options.commentsHtml ?? ''}</div></div></div>
    </div></div></div></div>
    <div class="reds-modal"><div class="title">登录后推荐更懂你的笔记</div><div class="desc">可用小红书或微信扫码</div></div>`;
}

export function commentItem(
  id: string,
  contentHtml: string,
  options: { sub?: boolean; likes?: number } = {},
): string {
  return `<div class="comment-item${options.sub ? ' comment-item-sub' : ''}" id="comment-${id}"><div class="comment-inner-container">
    <div class="avatar"></div><div class="right"><div class="author-wrapper"><div class="author"><a class="name">Someone</a></div></div>
    <div class="content">${contentHtml}</div><div class="info"><div class="date"><span>2天前</span></div>
    <div class="interactions"><span class="like"><span class="count">${options.likes ?? 0}</span></span></div></div></div></div></div>`;
}

export function noteText(text: string): string {
  const span = `<span>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>`;
  return `<span class="note-text"><!--[-->${span}<!--]--></span>`;
}

/** A feed card; `layout: '2026'` adds the note id the site puts on cards since 2026. */
export function feedCard(
  index: number,
  noteId: string,
  title: string,
  layout: '2025' | '2026' = '2025',
): string {
  const id = layout === '2026' ? ` data-note-id="${noteId}"` : '';
  return `<section class="note-item" data-index="${index}"${id} style="transform: translate(0px, ${index * 300}px);"><div>
    <a href="/explore/${noteId}" style="display: none;"></a><a class="cover mask ld" href="/explore/${noteId}?xsec_token=AB1" style="height: 240px;"></a>
    <div class="footer"><a class="title"><span>${title}</span></a><div class="author-wrapper"><a class="author"><span class="name">作者</span></a></div></div>
  </div></section>`;
}

/** A 2026 live card among the feed cards: a card's title, linking to the live room, no note id. */
export function liveCard(index: number, title: string): string {
  return `<section class="note-item" data-index="${index}" data-type="live_v2"><div class="live-card">
    <a class="cover mask ld" href="/livestream/5f1e2d3c4b5a69788796a5b4?source=web_explore_feed"></a>
    <div class="footer"><a class="title" href="/livestream/5f1e2d3c4b5a69788796a5b4"><span>${title}</span></a></div>
  </div></section>`;
}

/** The 2026 "大家都在搜" hot-search block among the feed cards. */
export function hotSearchBlock(index: number, queries: string[]): string {
  const items = queries
    .map(
      (query) =>
        `<a class="query-note-item" href="/search_result?keyword=${encodeURIComponent(query)}">${query}</a>`,
    )
    .join('');
  return `<section class="note-item" data-index="${index}"><div class="query-note-wrapper">
    <div class="title">大家都在搜</div>${items}</div></section>`;
}
