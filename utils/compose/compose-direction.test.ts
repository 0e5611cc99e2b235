import { describe, expect, it } from 'vitest';
import { draftLanguage, replyLanguage } from './compose-direction';

describe('replyLanguage', () => {
  it('answers a Chinese note in Chinese for an English reader', () => {
    expect(replyLanguage('上海武康路周末citywalk攻略，咖啡店都在这里了', 'en')).toBe('zh-CN');
  });

  it('answers an English note in English for a Chinese reader', () => {
    expect(replyLanguage('My cat Mochi says hi from Ohio! cat tax paid', 'zh-CN')).toBe('en');
  });

  it('answers in the language of the comment replied to, whatever the note is in', () => {
    expect(replyLanguage('¿De dónde eres? Me encanta tu gato', 'en')).toBe('es');
  });

  it("goes into the site's other language when the note is in the reader's own", () => {
    expect(replyLanguage('Hello from Texas, the cat is great', 'en')).toBe('zh-CN');
    expect(replyLanguage('这只猫好可爱', 'zh-CN')).toBe('en');
    expect(replyLanguage('😂😂', 'de')).toBe('zh-CN');
    expect(replyLanguage(undefined, 'en')).toBe('zh-CN');
  });
});

describe('draftLanguage', () => {
  it('names the language of the draft, or leaves it to the provider', () => {
    expect(draftLanguage('your cat is so cute, where did you adopt her?')).toBe('en');
    expect(draftLanguage('你家猫好可爱')).toBe('zh-CN');
    expect(draftLanguage('👍👍')).toBe('auto');
  });
});
