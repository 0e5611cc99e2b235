/**
 * Elements of the web client's own interface whose text RedBridge may show in the reader's
 * language, with the kind of place each is (one text can be two things: 关注 is the button
 * "Follow" but the profile counter "Following"). Each selector names the element that holds the
 * label's text node itself. Never a note, a comment, a nickname, a hashtag or anything else a user
 * wrote.
 */
export const INTERFACE_LABELS = [
  // The side bar: 发现, 发布, 通知, 我 (and 点点, 视频 in 2026).
  { kind: 'nav', selector: '.side-bar .channel-list span.channel' },
  // Buttons drawn with the site's button component: 关注, 创作中心, 业务合作.
  { kind: 'button', selector: 'span.reds-button-new-text' },
  // Home channels (推荐, 穿搭, 美食…), search tabs and the filter, the feed's loading line.
  { kind: 'channel', selector: '#channel-container .channel' },
  { kind: 'tab', selector: '.search-layout .tab-list > button.tab' },
  { kind: 'menu', selector: '.search-layout .filter > span' },
  { kind: 'state', selector: '.feeds-loading > span' },
  // A note's date and place: "3天前 黑龙江", "编辑于 12-05 美国".
  { kind: 'comments', selector: '.note-content .bottom-container > span.date' },
  // The comment section: 共 N 条评论, 作者, dates, places, 回复, like counts, 展开 N 条回复.
  { kind: 'comments', selector: '.comments-container > .total' },
  { kind: 'comments', selector: '.comment-item span.tag' },
  { kind: 'comments', selector: '.comment-item .info > .date > span' },
  { kind: 'comments', selector: '.comment-item .interactions span.count' },
  { kind: 'comments', selector: '.comments-container .show-more' },
  { kind: 'state', selector: '.no-comments-text' },
  // The engage bar: 说点什么..., and 赞 / 收藏 / 评论 where there is no count yet.
  { kind: 'placeholder', selector: '.engage-bar .inner-when-not-active > span' },
  { kind: 'engage', selector: '.engage-bar .interact-container span.count' },
  // The open comment box's 发送 / 取消.
  { kind: 'button', selector: '.engage-bar .right-btn-area > button.btn' },
  // A profile's counters and "IP属地：…".
  { kind: 'profile', selector: '.user-interactions span.shows' },
  { kind: 'profile', selector: '.user-content > span.user-IP' },
] as const;

export type InterfaceLabelKind = (typeof INTERFACE_LABELS)[number]['kind'];

export const INTERFACE_LABEL_SELECTOR = INTERFACE_LABELS.map(({ selector }) => selector).join(', ');

/** One selector per kind, in the order kinds first appear: a few `matches` calls per element. */
const SELECTOR_OF_KIND = [...new Set(INTERFACE_LABELS.map(({ kind }) => kind))].map(
  (kind) =>
    [
      kind,
      INTERFACE_LABELS.filter((label) => label.kind === kind)
        .map(({ selector }) => selector)
        .join(', '),
    ] as const,
);

/** The kind of interface element `element` is (it matches `INTERFACE_LABEL_SELECTOR`). */
export function interfaceLabelKind(element: Element): InterfaceLabelKind | undefined {
  return SELECTOR_OF_KIND.find(([, selector]) => element.matches(selector))?.[0];
}
