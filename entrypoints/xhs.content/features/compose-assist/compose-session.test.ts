import { describe, expect, it, vi } from 'vitest';
import { MessageError } from '@/utils/transport/messages';
import { ComposeBar, type ComposeBarLabels } from './compose-bar';
import { ComposeSession, type ComposeSessionOptions } from './compose-session';
import type { EditorField } from './editor-field';

const LABELS: ComposeBarLabels = {
  mark: 'RedBridge',
  translateTo: (language) => `Translate to ${language}`,
  target: 'Translate into',
  shortcut: 'Shortcut',
  busy: 'Translating…',
  backLabel: 'It says:',
  backBusy: 'reading it back…',
  backFailed: (message) => `could not read it back (${message})`,
  undo: 'Undo',
  retry: 'Retry',
  failed: (message) => `Not translated: ${message}`,
  alreadyIn: (language) => `Already in ${language}.`,
  changed: 'Your draft changed.',
  anyLanguage: 'Your words',
};

/** An editor holding slots around one kept mention, as the site's model would after each input. */
function memoryField(slots: string[]): EditorField & { set(slots: string[]): void } {
  let current = [...slots];
  return {
    element: document.createElement('p'),
    slots: () => [...current],
    keptTexts: () => current.slice(1).map(() => '@小王'),
    replaceSlot(index, text) {
      current = current.map((slot, at) => (at === index ? text : slot));
      return true;
    },
    set(next) {
      current = [...next];
    },
  };
}

const TABLE: Record<string, string> = {
  'so cute': '好可爱',
  好可爱: 'so adorable',
  'where is this?': '这是哪里？',
  这是哪里: 'where is this',
};

function setup(slots: string[], translate?: ComposeSessionOptions['translate']) {
  const field = memoryField(slots);
  const bar = new ComposeBar(document, LABELS, { translate() {}, undo() {}, chooseTarget() {} });
  document.body.append(bar.host);
  const calls: Parameters<ComposeSessionOptions['translate']>[0][] = [];
  const session = new ComposeSession({
    field,
    bar,
    reader: () => 'en',
    register: () => 'casual',
    replyLanguage: () => 'zh-CN',
    translate: async (request) => {
      calls.push(request);
      if (translate) return translate(request);
      return {
        translations: request.texts.map((text) =>
          request.to === 'ja' ? `ja:${text}` : (TABLE[text] ?? `[${text}]`),
        ),
        provider: 'google-html',
      };
    },
    settle: () => Promise.resolve(),
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    messages: { alreadyIn: LABELS.alreadyIn, changed: () => LABELS.changed, failed: LABELS.failed },
  });
  session.refresh();
  const shadow = bar.host.shadowRoot!;
  const view = {
    status: () => shadow.querySelector('[role="status"]')!.textContent,
    back: () => shadow.querySelector('[data-rb-compose-back]')!.textContent,
    undoShown: () => !shadow.querySelector<HTMLElement>('[data-rb-compose-action="undo"]')!.hidden,
    retryShown: () => !shadow.querySelector<HTMLElement>('[data-rb-compose-action="retry"]')!.hidden,
  };
  return { field, session, calls, view };
}

describe('ComposeSession', () => {
  it('translates around the kept mention in the casual register, then reads it back', async () => {
    const { field, session, calls, view } = setup(['', ' so cute 😻']);
    await session.translate();
    expect(field.slots()).toEqual(['', ' 好可爱 😻']);
    expect(calls[0]).toEqual({
      texts: ['so cute'],
      from: 'en',
      to: 'zh-CN',
      writing: { register: 'casual' },
    });
    expect(calls[1]).toEqual({ texts: ['好可爱'], from: 'zh-CN', to: 'en' });
    expect(view.back()).toBe('@小王 so adorable 😻');
    expect(view.undoShown()).toBe(true);
  });

  it('undoes to exactly the reader’s words', async () => {
    const { field, session, view } = setup(['hi\u00a0', ' so cute']);
    await session.translate();
    await session.undo();
    expect(field.slots()).toEqual(['hi\u00a0', ' so cute']);
    expect(view.undoShown()).toBe(false);
  });

  it('drops Undo once the reader edits the translation, so their edits are never thrown away', async () => {
    const { field, session, view } = setup(['so cute']);
    await session.translate();
    field.set(['好可爱！！']);
    session.refresh();
    expect(view.undoShown()).toBe(false);
    await session.undo();
    expect(field.slots()).toEqual(['好可爱！！']);
  });

  it('translates again from the reader’s words when they pick another language', async () => {
    const { field, session, calls, view } = setup(['so cute']);
    await session.translate();
    session.chooseTarget('ja');
    await session.translate();
    expect(calls.at(-2)).toMatchObject({ texts: ['so cute'], from: 'en', to: 'ja' });
    expect(view.status()).toBe('');
    expect(field.slots()).toEqual(['ja:so cute']);
    await session.undo();
    expect(field.slots()).toEqual(['so cute']);
  });

  it('leaves the draft untouched and offers Retry when the provider fails, and retries that provider', async () => {
    const failing = vi
      .fn<ComposeSessionOptions['translate']>()
      .mockRejectedValueOnce(
        new MessageError({ kind: 'server', message: 'server error', provider: 'google-html' }),
      )
      .mockImplementation(async ({ texts }) => ({
        translations: texts.map((t) => TABLE[t] ?? t),
        provider: 'google-html',
      }));
    const { field, session, view } = setup(['so cute'], failing);
    await session.translate();
    expect(field.slots()).toEqual(['so cute']);
    expect(view.status()).toBe('Not translated: server error');
    expect(view.retryShown()).toBe(true);
    await session.translate();
    expect(failing.mock.calls[1]![0]).toMatchObject({ retryProvider: 'google-html' });
    expect(field.slots()).toEqual(['好可爱']);
  });

  it('does not overwrite a draft the reader changed while it was being translated', async () => {
    const { session, view, field } = setup(['so cute'], async () => {
      // The reader typed on while the request was out.
      field.set(['so cute!!']);
      return { translations: ['好可爱'], provider: 'google-html' };
    });
    await session.translate();
    expect(field.slots()).toEqual(['so cute!!']);
    expect(view.status()).toBe('Your draft changed.');
  });

  it('says so instead of sending a draft already in the target language', async () => {
    const { session, calls, view } = setup(['这是哪里？']);
    await session.translate();
    expect(calls).toEqual([]);
    expect(view.status()).toBe('Already in 简体中文.');
  });
});
