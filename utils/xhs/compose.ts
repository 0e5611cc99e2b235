import { SELECTORS } from './selectors';
import { collapseWhitespace } from './note-text';

/**
 * Where the reader writes on the site, and what they are answering. Part of the site adapter:
 * the only place that knows the comment editors' markup (see the "Comment input" facts dated in
 * the site notes).
 */
const COMPOSE = {
  /** The note's bottom editor, for comments and for replies to a comment (Tribute for @mentions). */
  noteEditor: '.engage-bar p#content-textarea[contenteditable="true"]',
  /** The bar goes at the top of the engage bar, above the editor row. */
  noteBarParent: '.engage-bar',
  /** The notification page's reply box, under the notification it answers. */
  notificationEditor: 'textarea.comment-input',
  notification: '.container',
  notificationText: '.interaction-content, .content',
  /** What an editor keeps as it is: Tribute's mentions, emoji pictures, anything not editable. */
  kept: '.mention, [contenteditable="false"], img',
  /** A comment's reply button: the bottom editor then answers that comment. */
  replyButton: '.comment-item .interactions .reply',
  /** The inactive box ("说点什么..."): clicking it starts a comment on the note itself. */
  newComment: '.engage-bar .inner-when-not-active',
} as const;

export const COMPOSE_EDITOR_SELECTOR = `${COMPOSE.noteEditor}, ${COMPOSE.notificationEditor}`;
export const COMPOSE_KEPT_SELECTOR = COMPOSE.kept;

export interface ComposeEditor {
  element: HTMLElement;
  kind: 'contenteditable' | 'textarea';
  /** Puts the bar's host where it shows with this editor. */
  placeBar(host: HTMLElement): void;
}

/** The comment editors in `root` (the note's bottom box and notification reply boxes). */
export function findComposeEditors(root: ParentNode): ComposeEditor[] {
  return [...root.querySelectorAll<HTMLElement>(COMPOSE_EDITOR_SELECTOR)].map((element) => {
    if (element.localName === 'textarea') {
      return {
        element,
        kind: 'textarea' as const,
        placeBar: (host: HTMLElement) => element.after(host),
      };
    }
    return {
      element,
      kind: 'contenteditable' as const,
      placeBar: (host: HTMLElement) => {
        const bar = element.closest(COMPOSE.noteBarParent);
        if (bar) bar.prepend(host);
        else element.after(host);
      },
    };
  });
}

/** Whether `target` starts a comment on the note itself rather than a reply. */
export function startsNewComment(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest(COMPOSE.newComment);
}

/** The comment whose reply button `target` is, when it is one. */
export function replyTargetOf(target: EventTarget | null): Element | undefined {
  const element = target instanceof Element ? target : undefined;
  return element?.closest(COMPOSE.replyButton)?.closest(SELECTORS.commentItem) ?? undefined;
}

/** The text of one comment, without the "回复 X：" prefix of a reply to a reply. */
function commentText(comment: Element): string {
  const content = comment.querySelector(
    SELECTORS.commentContent.replace(`${SELECTORS.commentItem} > `, ':scope > '),
  );
  return collapseWhitespace(
    content?.querySelector(SELECTORS.noteText)?.textContent ?? content?.textContent ?? '',
  );
}

/**
 * What the reader answers with this editor: the comment replied to (when its reply button was the
 * last one pressed and it is still on the page), else the notification the box sits under, else
 * the note.
 */
export function answeredText(editor: HTMLElement, replyingTo: Element | undefined): string {
  if (replyingTo?.isConnected) return commentText(replyingTo);
  const notification = editor.closest(COMPOSE.notification);
  if (editor.localName === 'textarea' && notification) {
    return collapseWhitespace(notification.querySelector(COMPOSE.notificationText)?.textContent ?? '');
  }
  const doc = editor.ownerDocument;
  const scope = editor.closest(SELECTORS.noteModal) ?? doc;
  const title = scope.querySelector(SELECTORS.noteTitle)?.textContent ?? '';
  const body = scope.querySelector(`${SELECTORS.noteBody} ${SELECTORS.noteText}`)?.textContent ?? '';
  return collapseWhitespace(`${title} ${body}`);
}
