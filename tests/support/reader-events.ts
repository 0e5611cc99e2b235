import { createRequire } from 'node:module';
import { vi } from 'vitest';

/**
 * What jsdom cannot do from a test: act as the reader. Events a script constructs and dispatches
 * are never `isTrusted`, in jsdom as in a browser; the browser's own events from real input are.
 * jsdom makes its trusted events through its internal dispatch, which these helpers use too, so the
 * code under test sees an event exactly as it would see the reader's.
 */

interface JsdomEventImpl {
  isTrusted: boolean;
}
interface JsdomTargetImpl {
  _dispatch(event: JsdomEventImpl): boolean;
}
interface JsdomDocumentImpl {
  /** jsdom's own window, which Vitest's global `window` (and `document.defaultView`) stands in for. */
  _globalObject: object;
}
const { implForWrapper } = createRequire(import.meta.url)('jsdom/lib/generated/idl/utils.js') as {
  implForWrapper: <T>(wrapper: object) => T | null;
};

/** Dispatches `event` at `target` as the browser does for the reader's input: trusted. */
export function dispatchAsReader(target: EventTarget, event: Event): boolean {
  const impl = implForWrapper<JsdomEventImpl>(event)!;
  impl.isTrusted = true;
  // Vitest's `window` is the test's global object, standing in for jsdom's: listeners added to it
  // are on jsdom's window, so events for it go there.
  const at = target === globalThis ? implForWrapper<JsdomDocumentImpl>(document)!._globalObject : target;
  return implForWrapper<JsdomTargetImpl>(at)!._dispatch(impl);
}

/** A click by the reader (a real mouse, or Enter or Space on a focused button). */
export function clickAsReader(element: Element): void {
  dispatchAsReader(element, new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

/**
 * Keeps every shadow root attached from now on, closed ones included, as a test harness may (the
 * page cannot: `host.shadowRoot` is null for a closed root). Undone with the test's other spies.
 */
export function recordShadowRoots(): (host: Element | null | undefined) => ShadowRoot | undefined {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return (host) => (host ? roots.get(host) : undefined);
}
