import { normalizeForMatching, normalizeTerm } from './normalize';
import { acceptsMatch, boundaryRuleFor, type BoundaryRule } from './term-boundaries';

/** Anything the matcher can find: a stable id and the surface forms that should point at it. */
export interface MatchableEntry {
  readonly id: string;
  readonly patterns: readonly string[];
}

/** One found term. Offsets are UTF-16 indices into the text passed to `match`, `end` exclusive. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly entryId: string;
  /** The text as written on the page, e.g. `Ｖ我５０` or `貓稅`. */
  readonly surface: string;
}

export interface TermMatcher {
  /** Non-overlapping matches, left to right; at each position the longest acceptable pattern wins. */
  match(text: string): TermMatch[];
  /** Distinct folded patterns in the automaton (for diagnostics and benchmarks). */
  readonly patternCount: number;
}

/** Term plus aliases of glossary entries (bundled or user-imported) as matcher input. */
export function matchableEntriesFromGlossary(
  entries: readonly { readonly id: string; readonly term: string; readonly aliases?: readonly string[] }[],
): MatchableEntry[] {
  return entries.map((entry) => ({ id: entry.id, patterns: [entry.term, ...(entry.aliases ?? [])] }));
}

interface Pattern {
  readonly entryId: string;
  readonly rule: BoundaryRule;
}

/**
 * The Aho–Corasick automaton in flat typed arrays. Children of node `n` are
 * `edgeUnit/edgeTarget[edgeStart[n] .. edgeStart[n + 1])`, sorted by code unit for binary search;
 * the root, which every mismatch falls back to, has a direct 64K-entry table instead.
 */
interface Automaton {
  readonly rootNext: Uint32Array;
  readonly edgeStart: Uint32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeTarget: Uint32Array;
  readonly fail: Uint32Array;
  /** Pattern index ending at this node, or -1. */
  readonly terminal: Int32Array;
  /** Nearest node on the fail chain that ends a pattern; 0 (the root) when there is none. */
  readonly outputLink: Uint32Array;
  readonly depth: Uint32Array;
}

const ROOT = 0;

/**
 * Builds the matcher once for a set of entries (the bundled glossary plus thousands of user terms is
 * fine: building is linear in the total pattern length). When several entries share a pattern after
 * folding, the entry listed first owns it, so callers list user terms first to let them override.
 */
export function createMatcher(entries: readonly MatchableEntry[]): TermMatcher {
  const patterns: Pattern[] = [];
  const patternIndexByText = new Map<string, number>();
  const texts: string[] = [];
  for (const entry of entries) {
    for (const raw of entry.patterns) {
      const text = normalizeTerm(raw);
      if (text === '' || patternIndexByText.has(text)) continue;
      patternIndexByText.set(text, patterns.length);
      patterns.push({ entryId: entry.id, rule: boundaryRuleFor(text) });
      texts.push(text);
    }
  }
  const automaton = buildAutomaton(texts);

  return {
    patternCount: patterns.length,
    match(text: string): TermMatch[] {
      return findMatches(automaton, patterns, text);
    },
  };
}

function buildAutomaton(texts: readonly string[]): Automaton {
  // Trie first, with Map children, then flattened into typed arrays once the node count is known.
  const children: Map<number, number>[] = [new Map()];
  const terminalList: number[] = [-1];
  const depthList: number[] = [0];
  texts.forEach((text, patternIndex) => {
    let node = ROOT;
    for (let offset = 0; offset < text.length; offset++) {
      const unit = text.charCodeAt(offset);
      const nodeChildren = children[node] as Map<number, number>;
      let next = nodeChildren.get(unit);
      if (next === undefined) {
        next = children.length;
        nodeChildren.set(unit, next);
        children.push(new Map());
        terminalList.push(-1);
        depthList.push(offset + 1);
      }
      node = next;
    }
    terminalList[node] = patternIndex;
  });

  const nodeCount = children.length;
  const edgeStart = new Uint32Array(nodeCount + 1);
  let edgeCount = 0;
  for (let node = 0; node < nodeCount; node++) {
    edgeStart[node] = edgeCount;
    edgeCount += (children[node] as Map<number, number>).size;
  }
  edgeStart[nodeCount] = edgeCount;
  const edgeUnit = new Uint16Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  const rootNext = new Uint32Array(0x10000);
  for (let node = 0; node < nodeCount; node++) {
    const sorted = [...(children[node] as Map<number, number>)].sort((a, b) => a[0] - b[0]);
    let slot = edgeStart[node] as number;
    for (const [unit, target] of sorted) {
      edgeUnit[slot] = unit;
      edgeTarget[slot] = target;
      slot++;
      if (node === ROOT) rootNext[unit] = target;
    }
  }

  const terminal = Int32Array.from(terminalList);
  const depth = Uint32Array.from(depthList);
  const fail = new Uint32Array(nodeCount);
  const outputLink = new Uint32Array(nodeCount);
  const partial = { rootNext, edgeStart, edgeUnit, edgeTarget };

  // Breadth-first, so every node's fail target (a shallower node) is final before it is used.
  const queue = new Uint32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (const child of (children[ROOT] as Map<number, number>).values()) queue[tail++] = child;
  while (head < tail) {
    const node = queue[head++] as number;
    for (const [unit, child] of children[node] as Map<number, number>) {
      let fallback = fail[node] as number;
      let target = step(partial, fallback, unit);
      while (target < 0) {
        fallback = fail[fallback] as number;
        target = step(partial, fallback, unit);
      }
      fail[child] = target;
      outputLink[child] = (terminal[target] as number) >= 0 ? target : (outputLink[target] as number);
      queue[tail++] = child;
    }
  }

  return { rootNext, edgeStart, edgeUnit, edgeTarget, fail, terminal, outputLink, depth };
}

/** The child of `node` for `unit`; at the root a missing child means "stay at the root" (0). */
function step(
  automaton: Pick<Automaton, 'rootNext' | 'edgeStart' | 'edgeUnit' | 'edgeTarget'>,
  node: number,
  unit: number,
): number {
  if (node === ROOT) return automaton.rootNext[unit] as number;
  let low = automaton.edgeStart[node] as number;
  let high = (automaton.edgeStart[node + 1] as number) - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = automaton.edgeUnit[middle] as number;
    if (candidate === unit) return automaton.edgeTarget[middle] as number;
    if (candidate < unit) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function findMatches(automaton: Automaton, patterns: readonly Pattern[], text: string): TermMatch[] {
  if (text === '') return [];
  const folded = normalizeForMatching(text);
  const { units, length } = folded;

  // Every acceptable occurrence, as [start, end, patternIndex] triples in folded offsets.
  const candidates: number[] = [];
  let state = ROOT;
  for (let index = 0; index < length; index++) {
    const unit = units[index] as number;
    let next = step(automaton, state, unit);
    while (next < 0) {
      state = automaton.fail[state] as number;
      next = step(automaton, state, unit);
    }
    state = next;

    let node = (automaton.terminal[state] as number) >= 0 ? state : (automaton.outputLink[state] as number);
    while (node !== ROOT) {
      const patternIndex = automaton.terminal[node] as number;
      const end = index + 1;
      const start = end - (automaton.depth[node] as number);
      if (acceptsMatch(units, length, start, end, (patterns[patternIndex] as Pattern).rule)) {
        candidates.push(start, end, patternIndex);
      }
      node = automaton.outputLink[node] as number;
    }
  }
  if (candidates.length === 0) return [];

  return selectLeftmostLongest(candidates).map((candidate) => {
    const start = folded.sourceStart[candidates[candidate] as number] as number;
    const end = folded.sourceEnd[(candidates[candidate + 1] as number) - 1] as number;
    const pattern = patterns[candidates[candidate + 2] as number] as Pattern;
    return { start, end, entryId: pattern.entryId, surface: text.slice(start, end) };
  });
}

/** Offsets (into the triples array) of the non-overlapping leftmost-longest candidates. */
function selectLeftmostLongest(candidates: readonly number[]): number[] {
  const order: number[] = [];
  for (let offset = 0; offset < candidates.length; offset += 3) order.push(offset);
  order.sort((a, b) => {
    const byStart = (candidates[a] as number) - (candidates[b] as number);
    return byStart !== 0 ? byStart : (candidates[b + 1] as number) - (candidates[a + 1] as number);
  });
  const chosen: number[] = [];
  let cursor = 0;
  for (const offset of order) {
    if ((candidates[offset] as number) < cursor) continue;
    chosen.push(offset);
    cursor = candidates[offset + 1] as number;
  }
  return chosen;
}
