import { describe, expect, it, vi } from 'vitest';
import { planDraft } from './draft-pieces';
import { translateDraft } from './translate-draft';

describe('translateDraft', () => {
  it('sends the words of every slot in one request and puts them back between what is kept', async () => {
    const send = vi.fn(async ({ texts }: { texts: string[] }) => ({
      translations: texts.map((text) => `<${text}>`),
      provider: 'google-html' as const,
    }));
    const plan = planDraft(['hi ', ' so cute 😻']);
    expect(await translateDraft(plan, { from: 'en', to: 'zh-CN' }, send)).toEqual(['<hi> ', ' <so cute> 😻']);
    expect(send).toHaveBeenCalledWith({ from: 'en', to: 'zh-CN', texts: ['hi', 'so cute'] });
  });
});
