// Runs in the fixture page's main world (added with addInitScript): notes when each comment's text
// first becomes visible and when its translation shows up right after it, using only the DOM that
// RedBridge writes. Plain JavaScript, so no build step can wrap it in helpers the page lacks.
(() => {
  const state = { enteredAt: new Map(), shownAfter: [], pending: new Set() };
  window.__rbBench = state;
  const visible = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting || state.enteredAt.has(entry.target)) continue;
      state.enteredAt.set(entry.target, performance.now());
      state.pending.add(entry.target);
      visible.unobserve(entry.target);
    }
  });
  const watched = new WeakSet();
  new MutationObserver(() => {
    for (const content of document.querySelectorAll(
      '.comment-item > .comment-inner-container > .right > .content',
    )) {
      if (watched.has(content)) continue;
      watched.add(content);
      visible.observe(content);
    }
  }).observe(document, { childList: true, subtree: true });
  const check = () => {
    const now = performance.now();
    for (const content of state.pending) {
      const next = content.nextElementSibling;
      if (next && next.dataset.rbState === 'done') {
        state.shownAfter.push(now - state.enteredAt.get(content));
        state.pending.delete(content);
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
