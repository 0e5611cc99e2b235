import { FoldBuffer, foldInto, normalizeTerm } from './normalize';
import { acceptsMatch, boundaryRuleFor, type BoundaryRule } from './term-boundaries';

/** Anything the matcher can find: a stable id and the surface forms that should point at it. */
export interface MatchableEntry {
  readonly id: string;
  readonly patterns: readonly string[];
  /** Longer expressions in which a pattern has its ordinary meaning ("milk tea"); never reported. */
  readonly notInside?: readonly string[];
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
  entries: readonly {
    readonly id: string;
    readonly term: string;
    readonly aliases?: readonly string[];
    readonly notInside?: readonly string[];
  }[],
): MatchableEntry[] {
  return entries.map((entry) => ({
    id: entry.id,
    patterns: [entry.term, ...(entry.aliases ?? [])],
    notInside: entry.notInside ?? [],
  }));
}

interface Pattern {
  /** null for a `notInside` expression: it takes part in leftmost-longest selection, then is dropped. */
  readonly entryId: string | null;
  readonly rule: BoundaryRule;
}

/**
 * The Aho–Corasick automaton in flat typed arrays (no per-node objects: building for thousands of
 * user terms stays cheap on a cold page). A node's children form a sibling list sorted by code unit;
 * the root, which every mismatch falls back to, has a direct 64K-entry table instead.
 */
interface Automaton {
  readonly rootNext: Uint32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** The code unit on the edge into each node. */
  readonly edgeUnit: Uint16Array;
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
 * A `notInside` expression blocks every term inside it, and loses to any entry's own pattern.
 */
export function createMatcher(entries: readonly MatchableEntry[]): TermMatcher {
  const patterns: Pattern[] = [];
  const texts: string[] = [];
  const known = new Set<string>();
  const add = (raw: string, entryId: string | null): void => {
    const text = normalizeTerm(raw);
    if (text === '' || known.has(text)) return;
    known.add(text);
    patterns.push({ entryId, rule: boundaryRuleFor(text) });
    texts.push(text);
  };
  for (const entry of entries) entry.patterns.forEach((pattern) => add(pattern, entry.id));
  const termCount = patterns.length;
  for (const entry of entries) entry.notInside?.forEach((expression) => add(expression, null));
  const automaton = buildAutomaton(texts);
  // Reused by every call; match() is synchronous, so no two calls ever share it at once.
  const buffer = new FoldBuffer();

  return {
    patternCount: termCount,
    match(text: string): TermMatch[] {
      return findMatches(automaton, patterns, text, buffer);
    },
  };
}

function buildAutomaton(texts: readonly string[]): Automaton {
  // Inserting the patterns in sorted order appends every new child after its existing siblings, so
  // the sibling lists come out sorted with no per-node maps, and a pattern only builds the nodes
  // past the prefix it shares with the previous one.
  const order = texts
    .map((_, index) => index)
    .sort((a, b) => compareUnits(texts[a] as string, texts[b] as string));
  const capacity = texts.reduce((sum, text) => sum + text.length, 1);
  const rootNext = new Uint32Array(0x10000);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const lastChild = new Int32Array(capacity).fill(-1);
  const edgeUnit = new Uint16Array(capacity);
  const depth = new Uint32Array(capacity);
  const terminal = new Int32Array(capacity).fill(-1);
  const path = new Int32Array(texts.reduce((longest, text) => Math.max(longest, text.length), 0) + 1);
  let nodeCount = 1;
  let previous = '';

  for (const patternIndex of order) {
    const text = texts[patternIndex] as string;
    let shared = 0;
    while (shared < previous.length && shared < text.length && previous[shared] === text[shared]) shared++;
    let node = path[shared] as number;
    for (let offset = shared; offset < text.length; offset++) {
      const child = nodeCount++;
      const unit = text.charCodeAt(offset);
      edgeUnit[child] = unit;
      depth[child] = offset + 1;
      if (lastChild[node] === -1) firstChild[node] = child;
      else nextSibling[lastChild[node] as number] = child;
      lastChild[node] = child;
      if (node === ROOT) rootNext[unit] = child;
      node = child;
      path[offset + 1] = child;
    }
    terminal[node] = patternIndex;
    previous = text;
  }

  const fail = new Uint32Array(nodeCount);
  const outputLink = new Uint32Array(nodeCount);
  const automaton: Automaton = {
    rootNext,
    firstChild,
    nextSibling,
    edgeUnit,
    fail,
    terminal,
    outputLink,
    depth,
  };

  // Breadth-first, so every node's fail target (a shallower node) is final before it is used.
  const queue = new Uint32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let child = firstChild[ROOT] as number; child !== -1; child = nextSibling[child] as number) {
    queue[tail++] = child;
  }
  while (head < tail) {
    const node = queue[head++] as number;
    for (let child = firstChild[node] as number; child !== -1; child = nextSibling[child] as number) {
      const unit = edgeUnit[child] as number;
      let fallback = fail[node] as number;
      let target = step(automaton, fallback, unit);
      while (target < 0) {
        fallback = fail[fallback] as number;
        target = step(automaton, fallback, unit);
      }
      fail[child] = target;
      outputLink[child] = (terminal[target] as number) >= 0 ? target : (outputLink[target] as number);
      queue[tail++] = child;
    }
  }
  return automaton;
}

/** Orders strings by UTF-16 code units, the order the sibling lists are kept in. */
function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The child of `node` for `unit`, or -1; at the root a missing child means "stay at the root" (0). */
function step(automaton: Automaton, node: number, unit: number): number {
  if (node === ROOT) return automaton.rootNext[unit] as number;
  for (
    let child = automaton.firstChild[node] as number;
    child !== -1;
    child = automaton.nextSibling[child] as number
  ) {
    const childUnit = automaton.edgeUnit[child] as number;
    if (childUnit === unit) return child;
    if (childUnit > unit) break;
  }
  return -1;
}

function findMatches(
  automaton: Automaton,
  patterns: readonly Pattern[],
  text: string,
  folded: FoldBuffer,
): TermMatch[] {
  if (text === '') return [];
  foldInto(text, folded);
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

  const matches: TermMatch[] = [];
  for (const candidate of selectLeftmostLongest(candidates)) {
    const { entryId } = patterns[candidates[candidate + 2] as number] as Pattern;
    if (entryId === null) continue;
    const start = folded.sourceStart[candidates[candidate] as number] as number;
    const end = folded.sourceEnd[(candidates[candidate + 1] as number) - 1] as number;
    matches.push({ start, end, entryId, surface: text.slice(start, end) });
  }
  return matches;
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
