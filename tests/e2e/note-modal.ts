import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectedOverlayText, snapshotUnits, waitForNoPending } from './support';

/**
 * The note open in a modal (`noteId`) shows its title and body translated for an English reader,
 * each exactly once; waits for the body's translation first.
 */
export async function expectNoteModalTranslated(page: Page, noteId: string): Promise<void> {
  const modal = page.locator(`.note-detail-mask[note-id="${noteId}"]`);
  await modal
    .locator('#detail-desc + [data-rb-translation][data-rb-state="done"]')
    .waitFor({ state: 'attached' });
  await waitForNoPending(page);
  const inModal = (await snapshotUnits(page)).units.filter((view) =>
    view.unit.key.startsWith(`note:${noteId}`),
  );
  expect(inModal.map((view) => view.unit.kind)).toEqual(['note-title', 'note-body']);
  for (const { unit, overlays } of inModal)
    expect(overlays, unit.key).toEqual([
      {
        key: unit.key,
        state: 'done',
        lang: 'en',
        text: expectedOverlayText(unit, 'en', (name) => `Reply to ${name}:`),
        terms: expect.any(Array),
      },
    ]);
}
