import type { TermCard } from '@/utils/glossary/term-card';
import type { Unit } from '@/utils/xhs/units';

/** Something a feature adds to every finished translation (term chips, marks in the source). */
export interface OverlayDecorator {
  /** Called for each finished overlay before it goes into the page, so it enters whole. */
  decorate(source: Element, overlay: HTMLElement, unit: Unit, terms: readonly TermCard[]): void;
  /** The unit left the page: what `decorate` added to the site's own text goes. */
  forget(source: Element): void;
}

/**
 * Where the translated units meet the features that decorate them, so neither imports the other:
 * decorators come and go with their features, and the overlays are drawn again when they do.
 */
export class OverlayDecorations {
  private readonly decorators = new Set<OverlayDecorator>();
  private readonly listeners = new Set<() => void>();

  /** Adds a decorator until the returned function is called; overlays are drawn again either way. */
  add(decorator: OverlayDecorator): () => void {
    this.decorators.add(decorator);
    this.changed();
    return () => {
      if (this.decorators.delete(decorator)) this.changed();
    };
  }

  readonly decorate = (source: Element, overlay: HTMLElement, unit: Unit, terms: readonly TermCard[]) => {
    for (const decorator of this.decorators) decorator.decorate(source, overlay, unit, terms);
  };

  readonly forget = (source: Element) => {
    for (const decorator of this.decorators) decorator.forget(source);
  };

  /** What decorations show changed: whoever draws the overlays draws them again. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
