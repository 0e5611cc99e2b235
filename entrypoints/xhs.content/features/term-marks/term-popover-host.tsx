import { createRoot, type Root } from 'react-dom/client';
import { TermPopover, type Translate } from '@/components/term-popover';
import type { TermCard } from '@/utils/glossary/term-card';
import { dropScriptEvents, readerOnly } from '@/utils/overlay/trusted-events';
import styles from './term-popover.css?inline';

export interface TermPopoverHostOptions {
  doc: Document;
  locale: () => 'en' | 'zh-CN';
  t: Translate;
  onKeep?: (card: TermCard) => Promise<void>;
}

const GAP = 6;

/**
 * What the popover's controls listen to (React's onClick and onKeyDown): a page script's events of
 * these kinds stop at its shadow root, so only the reader can close it or keep a term from it.
 */
const CONTROL_EVENTS = ['click', 'keydown'] as const;

/**
 * Owns the one term popover of the page: a shadow root appended to `<body>` (outside every node
 * the site renders), with React inside. Opening another chip moves it; Escape, a click elsewhere or
 * scrolling closes it, and focus goes back to the chip.
 *
 * The shadow root is closed and kept here alone: the popover shows the reader's own terms (their
 * meanings, renderings, notes), which the page's scripts would otherwise read through
 * `host.shadowRoot`.
 */
export class TermPopoverHost {
  private host?: HTMLElement;
  private shadow?: ShadowRoot;
  private root?: Root;
  private chip?: HTMLElement;
  private readonly onPointerDown = readerOnly((event: Event) => {
    if (!this.host || event.composedPath().includes(this.host) || event.composedPath().includes(this.chip!))
      return;
    this.close(false);
  });
  /** Not limited to the reader: the page could as well remove the popover, and real scrolls are trusted. */
  private readonly onScroll = () => this.close(false);

  constructor(private readonly options: TermPopoverHostOptions) {}

  get openChip(): HTMLElement | undefined {
    return this.chip;
  }

  open(card: TermCard, chip: HTMLElement): void {
    const { doc } = this.options;
    if (this.chip === chip) {
      this.close(true);
      return;
    }
    this.chip?.setAttribute('aria-expanded', 'false');
    this.chip = chip;
    chip.setAttribute('aria-expanded', 'true');
    if (!this.host) {
      this.host = doc.createElement('rb-term-popover');
      const shadow = this.host.attachShadow({ mode: 'closed' });
      this.shadow = shadow;
      dropScriptEvents(shadow, CONTROL_EVENTS);
      const style = doc.createElement('style');
      style.textContent = styles;
      const mount = doc.createElement('div');
      shadow.append(style, mount);
      doc.body.append(this.host);
      this.root = createRoot(mount);
      doc.addEventListener('pointerdown', this.onPointerDown, true);
      doc.addEventListener('scroll', this.onScroll, true);
    }
    // The site's dark theme is an attribute on <html>; the shadow root cannot see it, so it is copied.
    this.host.toggleAttribute('dark', doc.documentElement.hasAttribute('dark'));
    this.root!.render(
      <TermPopover
        key={`${card.entryId}:${card.surface}`}
        card={card}
        locale={this.options.locale()}
        t={this.options.t}
        onClose={() => this.close(true)}
        onKeep={this.options.onKeep}
      />,
    );
    this.position(chip);
  }

  /** Closes the popover; `returnFocus` puts focus back on the chip that opened it. */
  close(returnFocus: boolean): void {
    const chip = this.chip;
    this.chip = undefined;
    chip?.setAttribute('aria-expanded', 'false');
    if (!this.host) return;
    const { doc } = this.options;
    doc.removeEventListener('pointerdown', this.onPointerDown, true);
    doc.removeEventListener('scroll', this.onScroll, true);
    this.root?.unmount();
    this.host.remove();
    this.host = undefined;
    this.shadow = undefined;
    this.root = undefined;
    if (returnFocus && chip?.isConnected) chip.focus();
  }

  /** Below the chip when there is room, above it otherwise; always inside the viewport. */
  private position(chip: HTMLElement): void {
    const win = this.options.doc.defaultView!;
    // React renders synchronously enough for layout on the next frame.
    win.requestAnimationFrame(() => {
      const popover = this.shadow?.querySelector<HTMLElement>('.popover');
      if (!popover || this.chip !== chip) return;
      const anchor = chip.getBoundingClientRect();
      const { width, height } = popover.getBoundingClientRect();
      const below = anchor.bottom + GAP;
      const top =
        below + height <= win.innerHeight || anchor.top - GAP - height < 0
          ? below
          : anchor.top - GAP - height;
      const left = Math.min(Math.max(8, anchor.left), win.innerWidth - width - 8);
      popover.style.top = `${Math.max(8, top)}px`;
      popover.style.left = `${Math.max(8, left)}px`;
    });
  }
}
