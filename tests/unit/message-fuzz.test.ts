import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupFirstRun } from '@/entrypoints/background/first-run';
import { GlossaryService, setupGlossary } from '@/entrypoints/background/glossary';
import { setupLearning } from '@/entrypoints/background/learning';
import { setupMessageRouter } from '@/entrypoints/background/message-router';
import { setupProviderSetup } from '@/entrypoints/background/provider-setup';
import { TranslationService } from '@/entrypoints/background/translation-service';
import { getDatabase } from '@/utils/db/database';
import { loadSettings } from '@/utils/settings';
import { ProviderConfigStore } from '@/utils/translate/provider-config-store';
import { MESSAGE_RULES } from '@/utils/transport/message-rules';
import type { MessageType } from '@/utils/transport/messages';
import { contentScriptSender, extensionPageSender, sendAs } from '../support/senders';

/**
 * Every message type, sent random and hostile payloads from every kind of sender: each gets a
 * clear failure, nothing throws, and nothing the user owns changes.
 */

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HOSTILE_STRINGS = [
  '',
  'x'.repeat(2_000_001),
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'https://attacker.example/v1',
  '\u0000\uffff\ud800',
  '=HYPERLINK("https://attacker.example")',
];

function hostileValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * 12);
  switch (pick) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return [Number.NaN, Infinity, -1, 2 ** 53, 0.5, -0][Math.floor(next() * 6)];
    case 3:
      return HOSTILE_STRINGS[Math.floor(next() * HOSTILE_STRINGS.length)];
    case 4:
      return next() < 0.5;
    case 5:
      return depth > 3
        ? []
        : Array.from({ length: Math.floor(next() * 4) }, () => hostileValue(next, depth + 1));
    case 6:
      return Array(10_001).fill('id');
    case 7:
      return JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      );
    default: {
      if (depth > 3) return {};
      const keys = ['id', 'ids', 'entry', 'key', 'text', 'providers', 'terms', 'units', 'to', 'format', 'x'];
      const object: Record<string, unknown> = {};
      const count = 1 + Math.floor(next() * 3);
      for (let i = 0; i < count; i++)
        object[keys[Math.floor(next() * keys.length)]!] = hostileValue(next, depth + 1);
      return object;
    }
  }
}

/** What the user owns and what the settings say, to compare before and after. */
async function snapshot(): Promise<string> {
  const db = getDatabase();
  const tables = await Promise.all(
    [db.userTerms, db.phrases, db.reviewCards, db.reviewLog, db.secrets, db.providerConfig].map((table) =>
      table.toArray(),
    ),
  );
  return JSON.stringify([tables, await fakeBrowser.storage.local.get(null)]);
}

const fetch = vi.fn(async () => new Response('{}', { status: 500 }));

function wireBackground() {
  const db = getDatabase();
  const glossary = new GlossaryService(db);
  const providerConfig = new ProviderConfigStore(db, async () => false);
  const translation = new TranslationService({
    db,
    glossary,
    providerConfig,
    fetch,
    loadSettings,
    onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
  });
  setupMessageRouter(translation);
  setupGlossary(glossary);
  setupLearning(translation);
  setupFirstRun(translation);
  setupProviderSetup({ translation, db, providerConfig });
}

const TYPES = Object.keys(MESSAGE_RULES) as MessageType[];
const SENDERS = {
  'content script': contentScriptSender(),
  'extension page': extensionPageSender(),
  'another extension': { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/page.html' },
  'a page of another site': {
    ...contentScriptSender('https://attacker.example/'),
    id: fakeBrowser.runtime.id,
  },
  'the site over http': contentScriptSender('http://www.xiaohongshu.com/explore/1'),
  'an undescribed sender': undefined,
};

describe('every message, hostile payloads, every sender', () => {
  it.each(Object.entries(SENDERS))('from %s: a clear failure, no crash, no change', async (_, sender) => {
    wireBackground();
    const next = random(20261207);
    const before = await snapshot();
    for (const type of TYPES) {
      for (let round = 0; round < 12; round++) {
        const payload = hostileValue(next);
        const reply = (await sendAs(sender, { rb: 1, type, payload })) as
          { ok: boolean; error?: { kind: string; message: string } } | undefined;
        expect(reply, `${type} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false });
        expect(['bad-request', 'forbidden']).toContain(reply!.error!.kind);
        expect(reply!.error!.message).toMatch(/\w/);
      }
    }
    expect(await snapshot()).toBe(before);
    expect(fetch).not.toHaveBeenCalled();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('names the messages a content script may send, and refuses it every other one', async () => {
    wireBackground();
    const allowed: string[] = [];
    for (const type of TYPES) {
      const reply = (await sendAs(contentScriptSender(), { rb: 1, type, payload: {} })) as {
        ok: boolean;
        error?: { kind: string };
      };
      if (reply.ok || reply.error?.kind !== 'forbidden') allowed.push(type);
    }
    expect(allowed.sort()).toEqual([
      'explainTerm',
      'lookUp',
      'savePhrase',
      'saveUserTerm',
      'translateWriting',
    ]);
  });

  it('looks handlers up by own property only', async () => {
    wireBackground();
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(await sendAs(extensionPageSender(), { rb: 1, type, payload: {} })).toBeUndefined();
    }
  });

  it('still answers what each sender may ask, with a sound payload', async () => {
    wireBackground();
    expect(await sendAs(extensionPageSender(), { rb: 1, type: 'getStats', payload: {} })).toMatchObject({
      ok: true,
    });
    const entry = {
      term: '班味',
      lang: 'zh',
      meaning: { en: 'the look of someone worn out by office work' },
    };
    expect(
      await sendAs(contentScriptSender(), { rb: 1, type: 'saveUserTerm', payload: { entry } }),
    ).toMatchObject({ ok: true, value: { term: '班味' } });
    expect(await getDatabase().userTerms.count()).toBe(1);
  });
});
