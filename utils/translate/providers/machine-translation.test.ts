import type { ProviderRequest } from '../types';
import { translateWithGlossary, type SendBatch } from './machine-translation';
import { signal } from './recorded-fetch.testing';

function request(texts: string[], glossary?: ProviderRequest['glossary']): ProviderRequest {
  return { texts, from: 'auto', to: 'en', signal: signal(), ...(glossary ? { glossary } : {}) };
}

describe('translateWithGlossary', () => {
  it('answers blank texts locally and sends only the rest', async () => {
    const sent: string[][] = [];
    const sendBatch: SendBatch = async (texts) => {
      sent.push(texts);
      return { translations: texts.map((text) => `T(${text})`), detected: texts.map(() => 'zh-CN') };
    };
    const result = await translateWithGlossary(request(['一', '', '  ', '二']), sendBatch);
    expect(sent).toEqual([['一', '二']]);
    expect(result).toEqual({
      translations: ['T(一)', '', '  ', 'T(二)'],
      detected: ['zh-CN', undefined, undefined, 'zh-CN'],
    });
  });

  it('sends nothing when every text is blank', async () => {
    const sendBatch = vi.fn<SendBatch>();
    await expect(translateWithGlossary(request(['', ' ']), sendBatch)).resolves.toEqual({
      translations: ['', ' '],
      detected: [undefined, undefined],
    });
    expect(sendBatch).not.toHaveBeenCalled();
  });

  it('protects glossary terms and renders them in the output', async () => {
    const sendBatch = vi.fn<SendBatch>(async () => ({ translations: ['This is {RB0}'] }));
    const result = await translateWithGlossary(
      request(['这是绝绝子'], [{ source: '绝绝子', target: 'absolutely amazing' }]),
      sendBatch,
    );
    expect(sendBatch).toHaveBeenCalledWith(['这是{RB0}']);
    expect(result.translations).toEqual(['This is absolutely amazing']);
  });

  it('retries only the texts whose placeholder got lost, without protection', async () => {
    const sendBatch = vi
      .fn<SendBatch>()
      .mockResolvedValueOnce({
        translations: ['Great {RB0}', 'It is absolutely'],
        detected: ['zh-CN', 'zh-CN'],
      })
      .mockResolvedValueOnce({ translations: ['This is absolutely amazing'], detected: ['zh-CN'] });
    const result = await translateWithGlossary(
      request(['好绝绝子', '这是绝绝子'], [{ source: '绝绝子', target: 'amazing' }]),
      sendBatch,
    );
    expect(sendBatch.mock.calls).toEqual([[['好{RB0}', '这是{RB0}']], [['这是绝绝子']]]);
    expect(result.translations).toEqual(['Great amazing', 'This is absolutely amazing']);
  });
});
