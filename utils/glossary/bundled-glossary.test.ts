import { BUNDLED_GLOSSARY, BUNDLED_GLOSSARY_FILES, BUNDLED_GLOSSARY_VERSION } from './bundled-glossary';
import { GLOSSARY_CATEGORIES, validateGlossaryFile, type GlossaryEntry } from './glossary-schema';
import { createMatcher, matchableEntriesFromGlossary } from './matcher';
import { normalizeTerm } from './normalize';
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-to-simplified';

const byId = (id: string): GlossaryEntry => {
  const entry = BUNDLED_GLOSSARY.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no bundled entry ${id}`);
  return entry;
};

const surfaceForms = (entry: GlossaryEntry): string[] => [entry.term, ...entry.aliases];

describe('bundled glossary data', () => {
  it('has at least 700 Chinese and 300 English terms, each file holding only its language', () => {
    const count = (lang: string) => BUNDLED_GLOSSARY.filter((entry) => entry.lang === lang).length;
    expect(count('zh')).toBeGreaterThanOrEqual(700);
    expect(count('en')).toBeGreaterThanOrEqual(300);
    for (const { name, lang, file } of BUNDLED_GLOSSARY_FILES)
      expect(
        file.entries.filter((entry) => entry.lang !== lang).map((entry) => entry.id),
        name,
      ).toEqual([]);
  });

  it('passes the schema: versions, required fields non-empty, valid categories, tone-marked pinyin', () => {
    for (const { name, file } of BUNDLED_GLOSSARY_FILES) expect(validateGlossaryFile(file), name).toEqual([]);
    expect(BUNDLED_GLOSSARY_VERSION).toMatch(/^([a-z-]+@\d{4}\.\d{2}\.\d{2}-\d+\+?)+$/);
  });

  it('uses only known categories, and every category is used', () => {
    const used = new Set(BUNDLED_GLOSSARY.map((entry) => entry.category));
    expect([...used].sort()).toEqual([...GLOSSARY_CATEGORIES].sort());
  });

  it('gives every Chinese term tone-marked pinyin', () => {
    const missing = BUNDLED_GLOSSARY.filter((entry) => entry.lang === 'zh')
      .filter((entry) => !/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(entry.pinyin ?? ''))
      .map((entry) => entry.id);
    expect(missing).toEqual([]);
  });

  it('writes examples in the term language, translations and renderings in the other one', () => {
    const han = /\p{Script=Han}/u;
    const misplaced = BUNDLED_GLOSSARY.filter((entry) =>
      entry.lang === 'zh'
        ? !han.test(entry.example.text) || han.test(entry.example.translation) || entry.rendering?.['zh-CN']
        : han.test(entry.example.text) || !han.test(entry.example.translation) || entry.rendering?.en,
    ).map((entry) => entry.id);
    expect(misplaced).toEqual([]);
  });

  it('has no duplicate ids', () => {
    const seen = new Set<string>();
    const duplicates = BUNDLED_GLOSSARY.map((entry) => entry.id).filter(
      (id) => seen.has(id) || !seen.add(id),
    );
    expect(duplicates).toEqual([]);
  });

  it('never lets one surface form (term or alias, after folding) point at two entries or repeat', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of BUNDLED_GLOSSARY) {
      for (const form of surfaceForms(entry)) {
        const folded = normalizeTerm(form);
        const previous = owner.get(folded);
        if (previous !== undefined) clashes.push(`"${form}" (${entry.id}) already belongs to ${previous}`);
        else owner.set(folded, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps notInside expressions apart from every term and alias, where they would have no effect', () => {
    const forms = new Set(BUNDLED_GLOSSARY.flatMap(surfaceForms).map(normalizeTerm));
    const shadowed = BUNDLED_GLOSSARY.flatMap((entry) => entry.notInside ?? []).filter((expression) =>
      forms.has(normalizeTerm(expression)),
    );
    expect(shadowed).toEqual([]);
  });

  it('uses the term or one of its aliases in every example sentence', () => {
    const missing = BUNDLED_GLOSSARY.filter((entry) => {
      const example = normalizeTerm(entry.example.text);
      return !surfaceForms(entry).some((form) => example.includes(normalizeTerm(form)));
    }).map((entry) => entry.id);
    expect(missing).toEqual([]);
  });

  it('finds each entry in its own example with the full bundled matcher', () => {
    // Stronger than a substring check: word boundaries and longer overlapping terms must not hide it.
    const matcher = createMatcher(matchableEntriesFromGlossary(BUNDLED_GLOSSARY));
    const unmatched = BUNDLED_GLOSSARY.filter(
      (entry) => !matcher.match(entry.example.text).some((match) => match.entryId === entry.id),
    ).map((entry) => entry.id);
    expect(unmatched).toEqual([]);
  });

  it('leaves ordinary uses of ambiguous words alone', () => {
    const matcher = createMatcher(matchableEntriesFromGlossary(BUNDLED_GLOSSARY));
    const ordinary = [
      '哈尔滨冰雪大世界',
      '每天深蹲一百个',
      'I ate a bowl of noodles, then bubble tea',
      'based on my experience, size L fits',
      'midnight snacks at 88元 per person',
      'a 5 mm drill bit and some goat cheese',
    ];
    expect(ordinary.flatMap((text) => matcher.match(text))).toEqual([]);
  });

  it('renders the 2025 cross-border terms the way readers on both sides use them', () => {
    expect(byId('hong-shu').rendering?.en).toBe('RedNote user');
    expect(byId('yang-yu').rendering?.en).toBe('foreign RedNote user');
    expect(byId('mao-shui').rendering?.en).toBe('cat tax');
    expect(byId('v-wo-wu-shi').rendering?.en).toBe('send me 50 bucks');
    expect(byId('cat-tax').rendering?.['zh-CN']).toBe('猫税');
    expect(byId('tiktok-refugee').rendering?.['zh-CN']).toBe('TikTok难民');
  });
});

describe('traditional → simplified table', () => {
  it('only folds characters onto different ones, never spells a bundled term the traditional way', () => {
    const bundledText = BUNDLED_GLOSSARY.flatMap(surfaceForms).join('');
    for (const [traditional, simplified] of TRADITIONAL_TO_SIMPLIFIED) {
      expect(traditional).not.toBe(simplified);
      expect(bundledText).not.toContain(String.fromCharCode(traditional));
    }
  });
});
