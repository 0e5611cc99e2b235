/**
 * Splits a V8 CPU profile (DevTools `Profiler` domain) between the page's scripts and RedBridge's.
 *
 * The trace's top-level calls miss script that runs in promise reactions: the page's comment
 * rendering after each `fetch`, and RedBridge's rendering of the answers its port delivers. A
 * sample's stack has the functions whatever started them, so samples are what the share is judged
 * on. A sample belongs to RedBridge when any frame of its stack is the extension's, which also
 * counts the DOM calls and forced layouts it made; otherwise to the page when a frame is the page's.
 * Pure, so it is unit-tested on synthetic profiles.
 */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  /** Microseconds before each sample; the first is the delay from the profile's start. */
  timeDeltas: number[];
}

export interface ScriptTime {
  /** Milliseconds of samples with a frame of the page's scripts and none of the extension's. */
  pageMs: number;
  /** Milliseconds of samples with a frame of the extension's scripts. */
  extensionMs: number;
  /** The extension's functions (and native calls they made) by self time, largest first. */
  extensionTop: { name: string; ms: number }[];
}

const round = (us: number) => Math.round(us / 100) / 10;

export function attributeScriptTime(
  profile: CpuProfile,
  isExtension: (url: string) => boolean,
  isPage: (url: string) => boolean,
  top = 25,
): ScriptTime {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Each node's owner is decided once: the same stacks are sampled thousands of times.
  const ownerOf = new Map<number, 'extension' | 'page' | 'other'>();
  const owner = (id: number): 'extension' | 'page' | 'other' => {
    const known = ownerOf.get(id);
    if (known) return known;
    const { url } = byId.get(id)!.callFrame;
    const above = parent.get(id);
    let result: 'extension' | 'page' | 'other' = above === undefined ? 'other' : owner(above);
    if (url && isExtension(url)) result = 'extension';
    else if (url && isPage(url) && result === 'other') result = 'page';
    ownerOf.set(id, result);
    return result;
  };
  /** The nearest frame with a script URL, for naming native calls (DOM, layout) by their caller. */
  const scriptFrame = (id: number): CpuProfileNode | undefined => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (node.callFrame.url) return node;
    }
    return undefined;
  };
  const name = (node: CpuProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;

  let pageUs = 0;
  let extensionUs = 0;
  const selfUs = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index + 1] ?? 0;
    const kind = owner(id);
    if (kind === 'page') pageUs += us;
    if (kind !== 'extension') return;
    extensionUs += us;
    const node = byId.get(id)!;
    const caller = scriptFrame(id);
    const key = node.callFrame.url
      ? name(node)
      : `${node.callFrame.functionName} ← ${caller ? name(caller) : '?'}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + us);
  });
  const extensionTop = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => ({ name: key, ms: round(us) }));
  return { pageMs: round(pageUs), extensionMs: round(extensionUs), extensionTop };
}
