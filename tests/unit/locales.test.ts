import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resources } from '@/utils/i18n';

const en = resources.en.translation;
const zhCN = resources['zh-CN'].translation;

/** Every key path of a nested translation object, with the interpolation variables it uses. */
function flatten(value: unknown, prefix = ''): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') {
      result.set(path, [...child.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]!).sort());
    } else {
      for (const [childPath, variables] of flatten(child, path)) result.set(childPath, variables);
    }
  }
  return result;
}

describe('locales', () => {
  it('English and Chinese have the same keys and the same interpolation variables', () => {
    const english = flatten(en);
    const chinese = flatten(zhCN);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, variables] of english) expect(chinese.get(key), key).toEqual(variables);
  });

  it('every locale has the same files, and no feature file shadows a shared key', () => {
    const files = (locale: string) => readdirSync(`locales/${locale}`).sort();
    expect(files('zh-CN')).toEqual(files('en'));
    const shared = JSON.parse(readFileSync('locales/en/translation.json', 'utf8')) as object;
    for (const file of files('en')) {
      if (file !== 'translation.json') expect(Object.keys(shared)).not.toContain(file.replace(/\.json$/, ''));
    }
  });

  it('no string is left empty or untranslated in Chinese', () => {
    const chinese = flatten(zhCN);
    for (const key of chinese.keys()) {
      const text = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN);
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('the manifest strings exist in both store locales', () => {
    const read = (locale: string) =>
      Object.keys(JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'))).sort();
    expect(read('zh_CN')).toEqual(read('en'));
    expect(read('en')).toEqual(['commandToggle', 'extDescription', 'extName']);
  });
});
