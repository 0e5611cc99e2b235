import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layers point one way: the site adapter and language at the bottom, then the engine, the
 * transport, the page-side helpers, the features and the entries. This test reads every source
 * file's imports and fails on any that points the wrong way, so the direction holds as code grows.
 */

const ROOT = process.cwd();
const SOURCE_DIRS = ['utils', 'entrypoints', 'components'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|css)$/.test(entry.name) && !/\.(test|testing)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

type Layer =
  | 'site'
  | 'language'
  | 'base'
  | 'engine'
  | 'transport'
  | 'page'
  | 'features'
  | 'content-entry'
  | 'background'
  | 'ui'
  | 'pages';

function layerOf(path: string): Layer {
  if (path.startsWith('utils/xhs/')) return 'site';
  if (path.startsWith('utils/language/')) return 'language';
  if (/^utils\/(translate|glossary|dictionary|learning|db)\//.test(path)) return 'engine';
  if (path.startsWith('utils/transport/')) return 'transport';
  if (/^utils\/(viewport|overlay)\//.test(path)) return 'page';
  if (path.startsWith('entrypoints/xhs.content/features/')) return 'features';
  if (path.startsWith('entrypoints/xhs.content/')) return 'content-entry';
  if (path.startsWith('entrypoints/background/')) return 'background';
  if (path.startsWith('components/')) return 'ui';
  if (path.startsWith('entrypoints/')) return 'pages';
  return 'base'; // settings, i18n and the other small shared modules at the top of utils/
}

/** What each layer may not import. */
const ABOVE_ENGINE: Layer[] = ['transport', 'page', 'features', 'content-entry', 'background', 'ui', 'pages'];
const FORBIDDEN: Record<Layer, Layer[]> = {
  site: ['language', 'base', 'engine', ...ABOVE_ENGINE],
  language: ['site', 'base', 'engine', ...ABOVE_ENGINE],
  base: ABOVE_ENGINE,
  engine: ABOVE_ENGINE,
  transport: ['page', 'features', 'content-entry', 'background', 'ui', 'pages'],
  page: ['features', 'content-entry', 'background', 'ui', 'pages'],
  features: ['content-entry', 'background', 'pages'],
  'content-entry': ['background', 'pages'],
  // The background imports nothing of the content side.
  background: ['page', 'features', 'content-entry', 'ui', 'pages'],
  ui: ['features', 'content-entry', 'background', 'pages'],
  pages: ['features', 'content-entry', 'background'],
};

interface Import {
  from: string;
  to: string;
}

function importsOf(path: string): Import[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => {
    if (specifier.startsWith('@/')) return { from: path, to: specifier.slice(2) };
    if (specifier.startsWith('.')) return { from: path, to: normalize(join(dirname(path), specifier)) };
    return { from: path, to: `package:${specifier}` };
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles).filter((path) => !path.endsWith('.css'));
const imports = files.flatMap(importsOf);

describe('layers', () => {
  it('point one way', () => {
    const wrong = imports
      .filter(({ to }) => !to.startsWith('package:'))
      .filter(({ from, to }) => FORBIDDEN[layerOf(from)].includes(layerOf(to)))
      .map(({ from, to }) => `${from} (${layerOf(from)}) → ${to} (${layerOf(to)})`);
    expect(wrong).toEqual([]);
  });

  it('keep each feature to its own folder: features meet only through what the entry gives them', () => {
    const featureOf = (path: string) => path.match(/^entrypoints\/xhs\.content\/features\/([^/]+)\//)?.[1];
    const crossing = imports
      .filter(({ from, to }) => featureOf(from) && featureOf(to) && featureOf(from) !== featureOf(to))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(crossing).toEqual([]);
  });

  it('keep the database out of the content script, which runs in the site’s origin', () => {
    const content = new Set<Layer>(['site', 'language', 'transport', 'page', 'features', 'content-entry']);
    const opened = imports
      .filter(({ from }) => content.has(layerOf(from)))
      .filter(({ to }) => to === 'package:dexie' || to.startsWith('utils/db/'))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(opened).toEqual([]);
  });
});

describe('the site adapter', () => {
  /** Class names and ids of Xiaohongshu's own markup, and its dark-theme attribute. */
  const SITE_MARKUP =
    /note-item|comment-item|detail-title|detail-desc|note-scroller|note-text|user-desc|note-detail-mask|noteContainer|exploreFeeds|reply-container|query-note|mfContainer|engage-bar|:root\[dark\]/;

  it('is the only code that names the site’s markup, CSS included', () => {
    const outside = SOURCE_DIRS.flatMap(sourceFiles).filter((path) => !path.startsWith('utils/xhs/'));
    const naming = outside.filter((path) => {
      const text = readFileSync(join(ROOT, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      // In code only string literals can be selectors; in CSS everything outside comments is.
      const candidates = path.endsWith('.css')
        ? [text]
        : [...text.matchAll(/(['"`])(?:(?!\1)[^\\\n]|\\.)*\1/g)].map((m) => m[0]);
      return candidates.some((candidate) => SITE_MARKUP.test(candidate));
    });
    expect(naming.map((path) => relative(ROOT, join(ROOT, path)))).toEqual([]);
  });
});
