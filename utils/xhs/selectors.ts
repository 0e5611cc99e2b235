/**
 * Every Xiaohongshu selector RedBridge relies on, in one place. Each is a fact about the site with
 * a date (see the layouts named below); when the site changes, only this file and the adapter
 * functions beside it change. Never use bare `.title`, `.desc` or `.content`: the login modal and
 * other widgets reuse those names, so every selector here is anchored to a stable parent or id.
 *
 * Layouts:
 * - 2025: note title wrapped in a span inside `#detail-title` (xhs-pc-web 4.6x–4.7x).
 * - 2026: note title as text directly inside `#detail-title` (xhs-pc-web 4.79+); feed cards carry
 *   `data-note-id`, replaced in place when the virtual list reuses a card (confirmed 2026-09-22);
 *   live cards and the "大家都在搜" hot-search block sit among the cards as `section.note-item` too;
 *   the home page may be the `#mfContainer` redesign, whose cards stay under `#exploreFeeds`.
 * Both keep the same ids and class names for the body, comments, cards and profile.
 */
export const SELECTORS = {
  /** A note opened as a modal over a list; carries the note id. */
  noteModal: '.note-detail-mask[note-id]',
  noteTitle: '.note-content > #detail-title',
  noteBody: '.note-content > #detail-desc',
  /** The Vue-owned text container inside the body and inside comments. Never write into it. */
  noteText: 'span.note-text',
  hashtag: 'a.tag',
  mention: 'a.note-content-user',
  /** The scroll container of a note: comments load as it scrolls, the window does not. */
  noteScroller: '.note-scroller',

  commentItem: '.comment-item',
  /** The text of a comment or reply: `.content` holds the "回复 X：" prefix and `.note-text`. */
  commentContent: '.comment-item > .comment-inner-container > .right > .content',
  replyContainer: '.reply-container',
  /** Nickname in the "回复 X：" prefix of a reply to a reply, placed before `.note-text`. */
  replyNickname: 'span.nickname',

  card: 'section.note-item',
  cardTitle: 'section.note-item .footer > a.title',
  /** The 2026 card's note id; its links (below) are the only key of a 2025 card. */
  cardNoteIdAttribute: 'data-note-id',
  cardNoteLink: 'a[href^="/explore/"], a.cover[href]',
  /** Blocks among the cards that are not notes: never units, even where they have a card's title. */
  nonNoteCard: 'section.note-item:is([data-type^="live"], :has(.query-note-wrapper, .live-card))',

  profileBio: '#userPageContainer div.user-desc',

  /** The site's dark theme: an attribute on <html>, not the system setting. */
  darkTheme: ':root[dark]',
} as const;

const UNIT_SOURCES = [
  SELECTORS.noteTitle,
  SELECTORS.noteBody,
  SELECTORS.commentContent,
  SELECTORS.cardTitle,
  SELECTORS.profileBio,
];

/** Elements whose text is one translation unit; the overlay goes right after each of them. */
export const UNIT_SOURCE_SELECTOR = UNIT_SOURCES.join(', ');

/**
 * The same elements by their own part alone (`.content` for a comment's text), without the
 * ancestors that anchor them: what can still be matched inside a subtree the page has removed.
 */
export const UNIT_SOURCE_TAIL_SELECTOR = UNIT_SOURCES.map((selector) =>
  selector.split(/\s*>\s*|\s+/).pop()!,
).join(', ');

/** Note ids are 24 hex digits (a Mongo-style object id). */
export const NOTE_ID_PATTERN = /[0-9a-f]{24}/i;

/** Attributes the site changes in place on elements that hold units (a reused card's note id). */
export const UNIT_ATTRIBUTES = [SELECTORS.cardNoteIdAttribute];
