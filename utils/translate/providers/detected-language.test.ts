import { normaliseDetectedLanguage } from './detected-language';

describe('normaliseDetectedLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hant', 'zh-hant'],
    ['zh-TW', 'zh-tw'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['PT-BR', 'pt'],
    ['ja', 'ja'],
    ['it', 'it'],
  ])('maps %s to %s', (tag, code) => {
    expect(normaliseDetectedLanguage(tag)).toBe(code);
  });

  it.each([undefined, null, '', 'auto', 'und'])('treats %j as unknown', (tag) => {
    expect(normaliseDetectedLanguage(tag)).toBeUndefined();
  });
});
