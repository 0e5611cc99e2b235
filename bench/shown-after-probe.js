// Runs in the fixture page's main world (added with addInitScript): notes when each comment's text
// enters the viewport and when its translation is shown right after it, using only the DOM that
// RedBridge writes. Plain JavaScript, so no build step can wrap it in helpers the page lacks.
//
// A comment's figure is max(0, shown − entered), once per comment: one whose translation was
// already shown when it came into view records exactly 0. "Shown" is the moment the overlay after
// `.content` is (or turns) `data-rb-state="done"`, taken in a mutation observer, i.e. right after
// RedBridge's write and not a frame later. "Entered" is the intersection observer's own timestamp
// of the frame it saw the comment come into view in.
//
// `reset()` forgets everything measured so far and starts again with what is in view: a bench calls
// it where the reading it judges begins (a fling has stopped, a jump has landed). Those comments
// count as entered when they came into view, or when the reader's movement ended if they were in
// view before: when a fling's scrolling stopped, not when the bench noticed it had (by then
// RedBridge may have shown them, and they would read 0). The movement is the wheel events and the
// scroll frames that follow them without a pause; a scroll long after (the browser keeping the
// view in place as translations go in above it) is not the reader's.
//
// The observers run inside the page's tasks (a mutation observer's callback is a microtask of the
// task that wrote), so they do as little as they can: no document-wide queries, only added nodes.
(() => {
  const CONTENT = '.comment-item > .comment-inner-container > .right > .content';
  const OVERLAY = 'data-rb-translation';
  /** Comments in view now, and when each last came into view. */
  const inView = new Set();
  const lastEntered = new WeakMap();
  /** When each `.content` first had a finished translation after it. */
  const shownAt = new WeakMap();
  /** Entry times of the comments being measured; null once measured (a comment counts once). */
  let enteredAt = new Map();
  let shownAfter = [];
  /** The last moment of the reader's movement. */
  let movedAt = 0;
  const MOVING_GAP_MS = 150;
  const listen = { capture: true, passive: true };
  document.addEventListener('wheel', (event) => (movedAt = event.timeStamp), listen);
  // `scroll` does not bubble; captured here from whichever scroller moved.
  document.addEventListener(
    'scroll',
    (event) => {
      if (event.timeStamp - movedAt <= MOVING_GAP_MS) movedAt = event.timeStamp;
    },
    listen,
  );

  const record = (content) => {
    shownAfter.push(Math.max(0, shownAt.get(content) - enteredAt.get(content)));
    enteredAt.set(content, null);
  };
  const start = (content, time) => {
    enteredAt.set(content, time);
    if (shownAt.has(content)) record(content);
  };

  // Every comment stays observed: a reset needs to know what is in view.
  const visible = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting, time } of entries) {
      if (!isIntersecting) {
        inView.delete(target);
        continue;
      }
      inView.add(target);
      lastEntered.set(target, time);
      if (!enteredAt.has(target)) start(target, time);
    }
  });

  const watched = new WeakSet();
  const watch = (content) => {
    if (watched.has(content)) return; // moved, not new
    watched.add(content);
    visible.observe(content);
  };

  const noteOverlay = (overlay) => {
    if (overlay.getAttribute('data-rb-state') !== 'done') return;
    const content = overlay.previousElementSibling;
    if (!content || shownAt.has(content) || !content.matches(CONTENT)) return;
    shownAt.set(content, performance.now());
    if (enteredAt.get(content)) record(content);
  };

  new MutationObserver((records) => {
    for (const change of records) {
      if (change.type === 'attributes') {
        if (change.target.hasAttribute(OVERLAY)) noteOverlay(change.target);
        continue;
      }
      for (const node of change.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.hasAttribute(OVERLAY)) {
          noteOverlay(node);
          continue;
        }
        if (node.matches(CONTENT)) watch(node);
        for (const inner of node.getElementsByClassName('content')) if (inner.matches(CONTENT)) watch(inner);
      }
    }
  }).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-rb-state'],
  });

  window.__rbBench = {
    reset() {
      // Entries of the frames before this call belong to the reading before it.
      for (const entry of visible.takeRecords()) {
        if (entry.isIntersecting) {
          inView.add(entry.target);
          lastEntered.set(entry.target, entry.time);
        } else inView.delete(entry.target);
      }
      enteredAt = new Map();
      shownAfter = [];
      for (const content of inView) start(content, Math.max(lastEntered.get(content), movedAt));
    },
    /**
     * Milliseconds from entering the view to shown, per measured comment, and the comment ids of
     * those that entered the view and have no translation shown yet (whether they need one is for
     * the caller to decide).
     */
    results() {
      const waiting = [];
      for (const [content, entered] of enteredAt) {
        if (entered === null) continue;
        const id = content.closest('.comment-item')?.id.replace(/^comment-/, '');
        if (id) waiting.push(id);
      }
      return { shownAfter: [...shownAfter], waiting };
    },
  };
})();
