import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVIDER_SETTINGS,
  isLoopbackHost,
  parseEndpoint,
  readProviderSettings,
} from './provider-config';

describe('provider addresses', () => {
  it.each([
    ['https://api.openai.com/v1', true],
    ['http://localhost:11434/v1', true],
    ['http://127.0.0.1:5000', true],
    ['http://127.0.0.2:5000', false],
    ['http://ollama.localhost/v1', true],
    ['http://[::1]:8080', true],
    ['http://192.168.1.20:11434/v1', false],
    ['http://api.example.com', false],
    ['ftp://files.example.com', false],
    ['javascript:alert(1)', false],
    ['https://user:secret@api.example.com', false],
    ['not a url', false],
  ])('%s may be used: %s', (address, usable) => {
    expect(parseEndpoint(address) !== undefined).toBe(usable);
  });

  it('counts only this computer as loopback', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});

describe('stored provider settings', () => {
  it('keep each valid field and replace each invalid one with its default', () => {
    expect(
      readProviderSettings({
        deepl: { plan: 'pro', dailyCharacterBudget: -5 },
        openaiCompatible: { baseUrl: 'http://evil.example/v1', model: 'qwen2.5', dailyCharacterBudget: 5000 },
        libretranslate: { baseUrl: 'https://libre.example.org', dailyCharacterBudget: '9' },
      }),
    ).toEqual({
      deepl: { plan: 'pro', dailyCharacterBudget: DEFAULT_PROVIDER_SETTINGS.deepl.dailyCharacterBudget },
      openaiCompatible: {
        baseUrl: DEFAULT_PROVIDER_SETTINGS.openaiCompatible.baseUrl,
        model: 'qwen2.5',
        dailyCharacterBudget: 5000,
      },
      libretranslate: {
        baseUrl: 'https://libre.example.org',
        dailyCharacterBudget: DEFAULT_PROVIDER_SETTINGS.libretranslate.dailyCharacterBudget,
      },
    });
  });

  it('read anything else as the defaults', () => {
    for (const stored of [undefined, null, 'x', [], 42]) {
      expect(readProviderSettings(stored)).toEqual(DEFAULT_PROVIDER_SETTINGS);
    }
  });
});
