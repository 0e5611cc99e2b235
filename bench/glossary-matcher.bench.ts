/**
 * Glossary matcher benchmark: builds the matcher from the bundled glossary plus 5,000 generated user
 * terms, then matches 1,000 comment-like texts. Prints one JSON line: medians over several runs after a
 * warm-up, plus the very first (cold) build and match, which is what a page load actually pays.
 *
 *   npx tsx bench/glossary-matcher.bench.ts
 *
 * Target: matching 1,000 comments in under 20 ms.
 */
import { performance } from 'node:perf_hooks';
import { BUNDLED_GLOSSARY } from '../utils/glossary/bundled-glossary';
import { createMatcher, matchableEntriesFromGlossary, type MatchableEntry } from '../utils/glossary/matcher';

const USER_TERMS = 5000;
const COMMENTS = 1000;
const RUNS = 15;

/** Deterministic PRNG (mulberry32), so every run measures the same input. */
function createRandom(seed: number): (limit: number) => number {
  let state = seed >>> 0;
  return (limit) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * limit);
  };
}

const random = createRandom(20250113);
const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;

const HAN_POOL = [
  ...'的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴于',
];
const ENGLISH_SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'zen',
  'ta',
  'ro',
  'vi',
  'bu',
  'nek',
  'sha',
  'pol',
  'dri',
  'fa',
  'mo',
  'qui',
];
const FILLER_ZH = [
  '今天下班路上买了一杯奶茶',
  '这家店的装修好好看，拍照很出片',
  '周末带猫去体检了，医生说它太胖',
  '有没有人知道这首歌叫什么',
  '第一次做红烧肉，居然成功了',
  '楼下新开了一家面包店，排队的人好多',
  '求推荐适合新手的相机',
  '我家狗今天又拆家了',
  '评论区好热闹啊',
  '谢谢大家的建议，我决定去成都玩',
];
const FILLER_EN = [
  'just moved here from TikTok, hello everyone',
  'my cat knocked over my coffee again',
  'can someone translate this comment for me?',
  'the food in this video looks amazing',
  'learning Chinese one word at a time',
  'what app do you use to edit photos?',
  'this is the most wholesome comment section',
  'greetings from Texas, it is freezing here',
  'I tried making dumplings and they fell apart',
  'thank you for the warm welcome',
];
const EMOJI = ['🐱', '😂', '🥺', '❤️', '👋', '🔥', '✨', '🙏', '[笑哭R]', '[派对R]'];

function generateUserTerms(count: number): MatchableEntry[] {
  const bundled = new Set(matchableEntriesFromGlossary(BUNDLED_GLOSSARY).flatMap((entry) => entry.patterns));
  const seen = new Set<string>();
  const terms: MatchableEntry[] = [];
  while (terms.length < count) {
    const term =
      terms.length % 2 === 0
        ? Array.from({ length: 2 + random(4) }, () => pick(HAN_POOL)).join('')
        : Array.from({ length: 1 + random(2) }, () =>
            Array.from({ length: 2 + random(3) }, () => pick(ENGLISH_SYLLABLES)).join(''),
          ).join(' ');
    if (seen.has(term) || bundled.has(term)) continue;
    seen.add(term);
    terms.push({ id: `user-${terms.length}`, patterns: [term] });
  }
  return terms;
}

function generateComments(count: number, userTerms: readonly MatchableEntry[]): string[] {
  const examples = BUNDLED_GLOSSARY.flatMap((entry) => [entry.example.text, entry.example.translation]);
  const comments: string[] = [];
  for (let index = 0; index < count; index++) {
    const parts: string[] = [];
    const pieces = 1 + random(4);
    for (let piece = 0; piece < pieces; piece++) {
      const kind = random(10);
      if (kind < 4) parts.push(pick(examples));
      else if (kind < 6) parts.push(pick(FILLER_ZH));
      else if (kind < 8) parts.push(pick(FILLER_EN));
      else if (kind < 9) parts.push(pick(pick(userTerms).patterns));
      else parts.push(pick(EMOJI));
    }
    comments.push(parts.join(random(2) === 0 ? '，' : ' '));
  }
  return comments;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

const userTerms = generateUserTerms(USER_TERMS);
// User terms first: on a shared pattern the user's own entry wins, as in the extension.
const entries = [...userTerms, ...matchableEntriesFromGlossary(BUNDLED_GLOSSARY)];
const comments = generateComments(COMMENTS, userTerms);

function matchAll(matcher: ReturnType<typeof createMatcher>): number {
  let total = 0;
  for (const comment of comments) total += matcher.match(comment).length;
  return total;
}

// The extension builds its matcher once per page, before the JIT has warmed up: report that too.
const firstBuildStart = performance.now();
const firstMatcher = createMatcher(entries);
const firstBuildMs = performance.now() - firstBuildStart;
const firstMatchStart = performance.now();
matchAll(firstMatcher);
const firstMatchMs = performance.now() - firstMatchStart;

// Warm-up: let the JIT compile the build and match paths before measuring medians.
for (let warmup = 0; warmup < 5; warmup++) matchAll(createMatcher(entries));

const buildTimes: number[] = [];
const matchTimes: number[] = [];
let matches = 0;
let patterns = 0;
for (let run = 0; run < RUNS; run++) {
  const buildStart = performance.now();
  const matcher = createMatcher(entries);
  buildTimes.push(performance.now() - buildStart);
  patterns = matcher.patternCount;

  const matchStart = performance.now();
  matches = matchAll(matcher);
  matchTimes.push(performance.now() - matchStart);
}

console.log(
  JSON.stringify({
    name: 'glossary-matcher',
    comments: COMMENTS,
    commentChars: comments.reduce((sum, comment) => sum + comment.length, 0),
    userTerms: USER_TERMS,
    bundledTerms: BUNDLED_GLOSSARY.length,
    patterns,
    runs: RUNS,
    buildMs: round(median(buildTimes)),
    matchMs: round(median(matchTimes)),
    firstBuildMs: round(firstBuildMs),
    firstMatchMs: round(firstMatchMs),
    matches,
    node: process.version,
  }),
);
