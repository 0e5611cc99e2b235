import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '@/utils/i18n';
import { BUNDLED_GLOSSARY } from '@/utils/glossary/bundled-glossary';
import type { TermCard } from '@/utils/glossary/term-card';
import { TermPopover } from './term-popover';

afterEach(cleanup);

const entry = BUNDLED_GLOSSARY.find((candidate) => candidate.term === 'V我50')!;
const card: TermCard = { ...entry, surface: 'v我50', entryId: entry.id, kind: 'bundled' };

async function show(
  locale: 'en' | 'zh-CN',
  onKeep = vi.fn(async () => {}),
  onClose = vi.fn(),
  shown: TermCard = card,
) {
  const i18n = await createI18n(locale, false);
  render(
    <TermPopover
      card={shown}
      locale={locale}
      t={(key, values) => i18n.t(key, values)}
      onClose={onClose}
      onKeep={onKeep}
    />,
  );
  return { onKeep, onClose };
}

describe('term popover', () => {
  it('marks a language model’s note as AI-generated, and keeps it like a bundled term', async () => {
    const note: TermCard = {
      term: '电子布洛芬',
      surface: '电子布洛芬',
      entryId: 'ai:电子布洛芬',
      kind: 'ai',
      lang: 'zh',
      meaning: { en: 'Something online that soothes you, like a painkiller.' },
    };
    const { onKeep } = await show(
      'en',
      vi.fn(async () => {}),
      vi.fn(),
      note,
    );
    const dialog = screen.getByRole('dialog', { name: '电子布洛芬' });
    expect(dialog.textContent).toContain('Something online that soothes you');
    expect(dialog.querySelector('[data-rb-ai-generated]')?.textContent).toBe(
      'AI-generated: explained by your language model',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add to my glossary' }));
    expect(onKeep).toHaveBeenCalledWith(note);
  });

  it('explains a term in English: meaning, pinyin, literal, origin, example', async () => {
    await show('en');
    const dialog = screen.getByRole('dialog', { name: 'v我50' });
    expect(dialog.textContent).toContain(entry.pinyin!);
    expect(dialog.textContent).toContain(entry.meaning.en);
    expect(dialog.textContent).toContain(entry.origin.en);
    expect(dialog.textContent).toContain(entry.example.text);
    expect(dialog.textContent).toContain('A form of “V我50”');
    // Focus lands on the close button, so Enter or Escape closes it straight away.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('explains in Chinese and closes on Escape', async () => {
    const { onClose } = await show('zh-CN');
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain(entry.meaning['zh-CN']);
    expect(dialog.textContent).toContain('字面意思');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('keeps the term in the glossary, or says why it could not', async () => {
    const failing = vi.fn(async () => {
      throw new Error('The database is full');
    });
    await show('en', failing);
    fireEvent.click(screen.getByRole('button', { name: 'Add to my glossary' }));
    expect((await screen.findByRole('status')).textContent).toBe('The database is full');
    cleanup();

    const { onKeep } = await show('en');
    fireEvent.click(screen.getByRole('button', { name: 'Add to my glossary' }));
    expect((await screen.findByRole('status')).textContent).toContain('Added to your glossary');
    expect(onKeep).toHaveBeenCalledWith(card);
    expect(screen.queryByRole('button', { name: 'Add to my glossary' })).toBeNull();
  });
});
