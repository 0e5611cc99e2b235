import { describe, expect, it } from 'vitest';
import { ContentEditableField, TextAreaField, type EditorField, type InsertionMethod } from './editor-field';
import { DraftChangedError, INSERTION_ORDER, InsertionError, writeDraft } from './draft-writer';

/** An editor whose site takes text only by the methods in `takes`, and records what was tried. */
function fakeField(initial: string[], takes: InsertionMethod[]): EditorField & { tried: InsertionMethod[] } {
  let slots = [...initial];
  const tried: InsertionMethod[] = [];
  return {
    element: document.createElement('p'),
    tried,
    slots: () => [...slots],
    keptTexts: () => slots.slice(1).map(() => '@someone'),
    replaceSlot(index, text, method) {
      tried.push(method);
      if (!takes.includes(method)) return false;
      slots = slots.map((slot, at) => (at === index ? text : slot));
      return true;
    },
  };
}

const settle = () => Promise.resolve();

describe('writeDraft', () => {
  it('tries the editing command, then a paste, then a direct change', async () => {
    expect(INSERTION_ORDER).toEqual(['input-command', 'paste', 'input-event']);
    const field = fakeField(['hello'], ['input-event']);
    expect(await writeDraft(field, ['你好'], ['hello'], { settle })).toBe('input-event');
    expect(field.tried).toEqual(['input-command', 'paste', 'input-event']);
    expect(field.slots()).toEqual(['你好']);
  });

  it('stops at the first method the site takes', async () => {
    const field = fakeField(['hi ', ' cute cat'], ['input-command', 'input-event']);
    expect(await writeDraft(field, ['嗨 ', ' 可爱的猫'], ['hi ', ' cute cat'], { settle })).toBe(
      'input-command',
    );
    expect(field.tried).toEqual(['input-command', 'input-command']);
  });

  it('checks by reading back, after the site has reacted', async () => {
    // The site's model re-renders the old text over a change it did not hear of.
    const field = fakeField(['hello'], ['input-command', 'paste']);
    let revert = false;
    const reverting: EditorField = {
      element: field.element,
      slots: field.slots,
      keptTexts: field.keptTexts,
      replaceSlot: (index, text, method) => {
        revert = method === 'input-command';
        return field.replaceSlot(index, text, method);
      },
    };
    const settleWithRevert = async () => {
      if (revert) field.replaceSlot(0, 'hello', 'paste');
      revert = false;
    };
    expect(await writeDraft(reverting, ['你好'], ['hello'], { settle: settleWithRevert })).toBe('paste');
  });

  it('writes the draft back and says so when no method takes', async () => {
    const field = fakeField(['hello'], []);
    await expect(writeDraft(field, ['你好'], ['hello'], { settle })).rejects.toBeInstanceOf(InsertionError);
    expect(field.slots()).toEqual(['hello']);
  });

  it('writes nothing when the draft changed shape meanwhile', async () => {
    const field = fakeField(['hello ', ' there'], ['input-command']);
    await expect(writeDraft(field, ['你好'], ['hello'], { settle })).rejects.toBeInstanceOf(
      DraftChangedError,
    );
    expect(field.tried).toEqual([]);
  });
});

describe('ContentEditableField', () => {
  function editor(html: string) {
    const element = document.createElement('p');
    element.contentEditable = 'true';
    element.innerHTML = html;
    document.body.append(element);
    return new ContentEditableField(element, '.mention, img');
  }

  it('reads the text between mentions and emoji pictures as slots', () => {
    const field = editor(
      '<span class="mention" contenteditable="false">@小猫</span> so cute<img alt="[笑哭R]"> bye<br>',
    );
    expect(field.slots()).toEqual(['', ' so cute', ' bye']);
  });

  it('replaces one slot by a direct change the site hears of, keeping the mention', () => {
    const field = editor('<span class="mention" contenteditable="false">@小猫</span> so cute');
    const heard: string[] = [];
    field.element.addEventListener('input', (event) => heard.push((event as InputEvent).data ?? ''));
    expect(field.replaceSlot(1, ' 好可爱', 'input-event')).toBe(true);
    expect(field.element.innerHTML).toBe('<span class="mention" contenteditable="false">@小猫</span> 好可爱');
    expect(heard).toEqual([' 好可爱']);
  });

  it('leaves the editor alone when the site cancels the change', () => {
    const field = editor('hello');
    field.element.addEventListener('beforeinput', (event) => event.preventDefault());
    expect(field.replaceSlot(0, '你好', 'input-event')).toBe(false);
    expect(field.slots()).toEqual(['hello']);
  });
});

describe('TextAreaField', () => {
  it('sets the value through the prototype setter and announces it', () => {
    const element = document.createElement('textarea');
    element.value = 'thanks!';
    let model = '';
    element.addEventListener('input', () => (model = element.value));
    const field = new TextAreaField(element);
    expect(field.replaceSlot(0, '谢谢！', 'input-event')).toBe(true);
    expect(model).toBe('谢谢！');
    expect(field.replaceSlot(0, 'x', 'paste')).toBe(false);
  });
});
