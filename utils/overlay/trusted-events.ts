/**
 * Only the reader acts through RedBridge. The site's scripts, and anything injected into the page,
 * can select text and dispatch clicks and keys of their own; only events the browser makes from
 * real input are `isTrusted`. Every listener that starts something for the reader goes through
 * here, so a page cannot look words up, save phrases or open the reader's terms on its own.
 *
 * A real keyboard's Enter or Space on a focused button makes a trusted click, so keyboard use is
 * unaffected.
 */

/** Whether the browser made `event` from the reader's own input, rather than a script dispatching it. */
export function isFromReader(event: Event): boolean {
  return event.isTrusted;
}

/** `listener`, called only for events from the reader: events a script made are ignored. */
export function readerOnly<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isFromReader(event)) listener(event);
  };
}

/**
 * Stops events of `types` that a script made at `target`, before any listener at or under it hears
 * them. For controls whose listeners are not written in the content script (React's, the shared
 * overlay renderer's): a capturing listener on the target itself runs before its other listeners,
 * and one on an ancestor runs before every listener below it.
 */
export function dropScriptEvents(
  target: EventTarget,
  types: readonly string[],
  options: { signal?: AbortSignal } = {},
): void {
  const drop = (event: Event) => {
    if (!isFromReader(event)) event.stopImmediatePropagation();
  };
  for (const type of types) target.addEventListener(type, drop, { capture: true, signal: options.signal });
}
