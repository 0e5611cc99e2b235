import { SELECTORS } from './selectors';

/** What a Vue-rendered rich-text container (`span.note-text`) says, split for translation. */
export interface RichText {
  /** Paragraphs of running text (mentions kept as "@name"), hashtags and emoji images left out. */
  paragraphs: string[];
  /** Hashtag names without the leading "#" (and without the site's "[话题]" suffix). */
  hashtags: string[];
  /** Mentions as written ("@name"), so the overlay and glossary can leave them untranslated. */
  mentions: string[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collapses whitespace runs the way the page renders them, so equal text gives equal keys. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function hashtagName(raw: string): string {
  return raw
    .trim()
    .replace(/^#/, '')
    .replace(/\[话题\]#?$/, '')
    .replace(/#$/, '')
    .trim();
}

/**
 * Reads a rich-text container: text runs and mentions become running text; hashtags are collected
 * apart (translated as names, not mixed into sentences); emoji images carry no words and are
 * skipped. Paragraph breaks (literal "\n" in the runs, or <br>) are kept when `keepParagraphs`.
 */
export function readRichText(container: Element, keepParagraphs: boolean): RichText {
  const hashtags: string[] = [];
  const mentions: string[] = [];
  let text = '';

  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        text += (child as Text).data;
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element;
        if (element.matches(SELECTORS.hashtag)) {
          const name = hashtagName(element.textContent ?? '');
          if (name) hashtags.push(name);
        } else if (element.matches(SELECTORS.mention)) {
          const mention = collapseWhitespace(element.textContent ?? '');
          if (mention) mentions.push(mention);
          text += mention;
        } else if (element.tagName === 'BR') {
          text += '\n';
        } else if (element.tagName !== 'IMG' && !element.hasAttribute('data-rb-translation')) {
          walk(element);
        }
      }
    }
  };
  walk(container);

  const paragraphs = (keepParagraphs ? text.split('\n') : [text]).map(collapseWhitespace).filter(Boolean);
  return { paragraphs, hashtags, mentions };
}
