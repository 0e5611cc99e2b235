import { describe, expect, it } from 'vitest';
import { attributeScriptTime, type CpuProfile } from './profile-analysis';

const PAGE = 'https://www.xiaohongshu.com/fixture-assets/note-view.js';
const EXTENSION = 'chrome-extension://abc/content-scripts/xhs.js';
const frame = (id: number, functionName: string, url = '', children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: id * 10 },
  children,
});

// (root) → RunMicrotasks-like native frame → page's render → appendChild (native)
//        → extension's onMessage → showDone → after (native, a DOM call)
//        → page's scroll listener → extension's listener (a page function would never call ours,
//          but a stack with both counts as the extension's)
//        → (garbage collector), (idle)
const profile: CpuProfile = {
  nodes: [
    frame(1, '(root)', '', [2, 5, 8, 10, 11]),
    frame(2, 'renderThread', PAGE, [3]),
    frame(3, 'appendChild', '', [4]),
    frame(4, 'Layout', ''),
    frame(5, 'onMessage', EXTENSION, [6]),
    frame(6, 'showDone', EXTENSION, [7]),
    frame(7, 'after', ''),
    frame(8, 'onScroll', PAGE, [9]),
    frame(9, 'check', EXTENSION),
    frame(10, '(garbage collector)'),
    frame(11, '(idle)'),
  ],
  samples: [2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11],
  timeDeltas: [999_000, 1000, 2000, 3000, 500, 1500, 2000, 2000, 700, 300, 5000, 9000],
};

describe('attributeScriptTime', () => {
  const split = attributeScriptTime(
    profile,
    (url) => url.startsWith('chrome-extension://'),
    (url) => url.startsWith('https://www.xiaohongshu.com'),
  );

  it("gives a sample to the extension when any frame is the extension's, else to the page", () => {
    // Page: renderThread 1 ms, appendChild 2 ms, its layout 3 ms, onScroll 0.7 ms.
    expect(split.pageMs).toBe(6.7);
    // Extension: onMessage 0.5, showDone 1.5, after 2 + 2, check 0.3; GC and idle are nobody's.
    expect(split.extensionMs).toBe(6.3);
  });

  it('names native calls by the extension function that made them', () => {
    expect(split.extensionTop).toEqual([
      { name: 'after ← showDone:61', ms: 4 },
      { name: 'showDone:61', ms: 1.5 },
      { name: 'onMessage:51', ms: 0.5 },
      { name: 'check:91', ms: 0.3 },
    ]);
  });
});
