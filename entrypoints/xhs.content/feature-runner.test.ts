import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import type { FeatureContext, PageFeature, PageInfo } from './features/feature';
import { FeatureRunner } from './feature-runner';
import { FEATURES } from './features';
import { OverlayDecorations } from './features/overlay-decorations';

const page: PageInfo = {
  host: 'www.xiaohongshu.com',
  location: () => ({ pathname: '/explore', href: 'https://www.xiaohongshu.com/explore', origin: '' }),
};

const withSite = (on: boolean, extra: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  sites: { ...DEFAULT_SETTINGS.sites, 'www.xiaohongshu.com': on },
  ...extra,
});

/** A feature that records what happens to it. */
function recording(name: string, enabled: (settings: Settings) => boolean) {
  const log: string[] = [];
  let context: FeatureContext | undefined;
  const feature: PageFeature = {
    name,
    enabled: (settings) => enabled(settings),
    start(ctx) {
      context = ctx;
      log.push('start');
      ctx.signal.addEventListener('abort', () => log.push('stop'));
      return {
        onSettings: (next, previous) => log.push(`settings ${previous.displayMode}→${next.displayMode}`),
        onNavigate: (url) => log.push(`navigate ${url}`),
      };
    },
  };
  return { feature, log, context: () => context };
}

const runnerFor = (features: PageFeature[]) =>
  new FeatureRunner(features, page, () => ({
    doc: document,
    i18n: {} as never,
    transport: {} as never,
    overlays: new OverlayDecorations(),
  }));

afterEach(() => vi.restoreAllMocks());

describe('FeatureRunner', () => {
  it('starts what the settings enable, stops what they no longer do, and tells the rest of changes', () => {
    const onSite = recording('on-site', (settings) => settings.sites['www.xiaohongshu.com']);
    const terms = recording('terms', (settings) => settings.showTerms);
    const runner = runnerFor([onSite.feature, terms.feature]);
    runner.apply(withSite(true, { showTerms: false }));
    expect(runner.runningNames()).toEqual(['on-site']);
    expect(onSite.context()!.settings().showTerms).toBe(false);

    runner.apply(withSite(true, { showTerms: true, displayMode: 'translation-only' }));
    expect(runner.runningNames()).toEqual(['on-site', 'terms']);
    expect(onSite.log).toEqual(['start', 'settings bilingual→translation-only']);
    expect(onSite.context()!.settings().displayMode).toBe('translation-only');

    runner.apply(withSite(false, { showTerms: true }));
    expect(runner.runningNames()).toEqual(['terms']);
    expect(onSite.log.at(-1)).toBe('stop');
    expect(onSite.context()!.signal.aborted).toBe(true);
  });

  it('passes navigation to every running feature, and to none that is stopped', () => {
    const first = recording('first', () => true);
    const second = recording('second', (settings) => settings.sites['www.xiaohongshu.com']);
    const runner = runnerFor([first.feature, second.feature]);
    runner.apply(withSite(false));
    runner.navigate('https://www.xiaohongshu.com/explore/abc');
    expect(first.log).toEqual(['start', 'navigate https://www.xiaohongshu.com/explore/abc']);
    expect(second.log).toEqual([]);
    runner.stopAll();
    expect(first.log.at(-1)).toBe('stop');
    expect(runner.runningNames()).toEqual([]);
  });

  it('leaves out a feature that fails to start, and the others go on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: PageFeature = {
      name: 'broken',
      enabled: () => true,
      start: () => {
        throw new Error('selector missing');
      },
    };
    const working = recording('working', () => true);
    const runner = runnerFor([broken, working.feature]);
    runner.apply(withSite(true));
    expect(runner.runningNames()).toEqual(['working']);
    expect(warn).toHaveBeenCalledWith('[RedBridge] broken: start failed', expect.any(Error));
  });
});

describe('OverlayDecorations', () => {
  it('decorates with every decorator present, and says so when one comes or goes', () => {
    const decorations = new OverlayDecorations();
    const changes = vi.fn();
    decorations.onChange(changes);
    const decorate = vi.fn();
    const forget = vi.fn();
    const remove = decorations.add({ decorate, forget });
    const source = document.createElement('div');
    const overlay = document.createElement('div');
    decorations.decorate(source, overlay, {} as never, []);
    decorations.forget(source);
    expect(decorate).toHaveBeenCalledWith(source, overlay, {}, []);
    expect(forget).toHaveBeenCalledWith(source);
    remove();
    decorations.decorate(source, overlay, {} as never, []);
    expect(decorate).toHaveBeenCalledTimes(1);
    expect(changes).toHaveBeenCalledTimes(2);
  });
});

describe('the feature registry', () => {
  it('lists every feature folder once, each under its folder name', () => {
    const folder = join(process.cwd(), 'entrypoints/xhs.content/features');
    const folders = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .filter((name) => existsSync(join(folder, name, 'index.ts')));
    expect(FEATURES.map((feature) => feature.name).sort()).toEqual(folders.sort());
  });
});
