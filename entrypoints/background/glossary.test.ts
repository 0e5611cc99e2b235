import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { RedBridgeDatabase } from '@/utils/db/database';
import { GLOSSARY_REVISION_KEY } from '@/utils/glossary/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';
import { GlossaryService } from './glossary';
import { DEFAULT_PROVIDER_SETTINGS } from '@/utils/translate/provider-config';
import { TranslationService } from './translation-service';

/** Google's single-text endpoint, answering each text with itself in brackets. */
function fakeGtx() {
  const sent: string[] = [];
  const fetch = vi.fn(async (input: string) => {
    const text = new URL(input).searchParams.get('q')!;
    sent.push(text);
    return new Response(JSON.stringify([[[`[${text}]`, text]], null, 'zh-CN']));
  });
  return { fetch, sent };
}

function setup(db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`)) {
  const glossary = new GlossaryService(db);
  const gtx = fakeGtx();
  const translation = new TranslationService({
    db,
    glossary,
    fetch: gtx.fetch,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, providerOrder: ['google-gtx'] }),
    providerConfig: { read: async () => ({ providers: DEFAULT_PROVIDER_SETTINGS, unconfirmed: [] }) },
    onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
  });
  return { db, glossary, translation, gtx };
}

const request = (requestId: string, segments: string[]) =>
  ({ requestId, segments, from: 'zh-CN', to: 'en', priority: 'visible' }) as const;

describe('glossary in the translation service', () => {
  it('returns the terms of a unit with its translation', async () => {
    const { translation } = setup();
    const result = await translation.translate(request('r1', ['疯狂星期四，谁请我吃KFC']));
    expect(result.translations).toEqual(['[疯狂星期四，谁请我吃KFC]']);
    expect(result.terms?.map((term) => [term.surface, term.kind])).toEqual([['疯狂星期四', 'bundled']]);
  });

  it("enforces a user's rendering from the moment it is saved, and re-translates only the texts it touches", async () => {
    const { glossary, translation, gtx } = setup();
    await translation.translate(request('r1', ['新来的红薯们好', '今天天气很好']));
    expect(gtx.sent).toEqual(['新来的红薯们好', '今天天气很好']);

    await glossary.store.save({ term: '红薯', lang: 'zh', rendering: { en: 'RedNote user' } });
    await glossary.changed();
    expect(await browser.storage.local.get(GLOSSARY_REVISION_KEY)).toHaveProperty(GLOSSARY_REVISION_KEY);

    const result = await translation.translate(request('r2', ['新来的红薯们好', '今天天气很好']));
    // The term was swapped for a placeholder on the way out and its rendering put in on the way back.
    expect(gtx.sent.slice(2)).toEqual(['新来的{RB0}们好']);
    expect(result.translations).toEqual(['[新来的RedNote user们好]', '[今天天气很好]']);
    expect(result.terms?.[0]).toMatchObject({ surface: '红薯', kind: 'user' });
  });

  it('skips a malformed saved term and still applies the good ones', async () => {
    const db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
    // As a backup restored by an older version could have left them: one row the matcher would
    // choke on, beside a good term.
    await db.userTerms.bulkAdd([
      { id: 'user-bad', term: { evil: true }, lang: 'zh', aliases: 'x', createdAt: 1, updatedAt: 1 } as never,
      {
        id: 'user-good',
        term: '红薯',
        lang: 'zh',
        rendering: { en: 'RedNote user' },
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { glossary, translation, gtx } = setup(db);

    const result = await translation.translate(request('r1', ['新来的红薯们好', '疯狂星期四']));
    expect(gtx.sent).toEqual(['新来的{RB0}们好', '疯狂星期四']);
    expect(result.translations).toEqual(['[新来的RedNote user们好]', '[疯狂星期四]']);
    expect(result.terms?.map((term) => [term.surface, term.kind])).toEqual([
      ['红薯', 'user'],
      ['疯狂星期四', 'bundled'],
    ]);
    expect(warn).toHaveBeenCalledWith('[RedBridge] 1 saved glossary terms could not be read');
    expect((await glossary.store.unreadable()).map((row) => row.key)).toEqual(['user-bad']);
  });
});
