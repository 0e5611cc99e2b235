import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from './extension-session';
import { useExtensionSession } from './extension-session';
import { ask } from './reader-actions';
import {
  NOTES,
  expandAllReplies,
  expectedOverlayText,
  loadAllComments,
  needsTranslation,
  openFixture,
  readThrough,
  snapshotUnits,
} from './support';

/**
 * What a damaged or hostile backup leaves in the extension, and that the extension still works with
 * it: every unit of a note is translated, and the options page works and says what it could not
 * read. Each case seeds a state (`seed…` below), then makes the same checks.
 */

/** Rows of the extension's database, by table, as a file or an older version could have left them. */
type StoredRows = Partial<Record<'userTerms' | 'phrases' | 'reviewCards' | 'reviewLog', unknown[]>>;

/** A good term of the reader's, met in the cat-tax note's comments (not a bundled term). */
const GOOD_TERM = {
  id: 'user-mei-qiu',
  term: '煤球',
  lang: 'zh',
  meaning: { en: 'Coal ball: the name every black cat gets' },
  createdAt: Date.UTC(2026, 0, 1),
  updatedAt: Date.UTC(2026, 0, 1),
};

/**
 * Passed the checks restore made before schemas (ids, term and language strings, times), and
 * breaks the glossary matcher, which every translation goes through: an alias that is a number.
 */
const MALFORMED_TERM = {
  id: 'user-broken',
  term: '红薯',
  lang: 'zh',
  aliases: [42],
  meaning: { en: 'A Xiaohongshu user' },
  createdAt: Date.UTC(2026, 0, 2),
  updatedAt: Date.UTC(2026, 0, 2),
};

/** A backup as RedBridge writes it, holding `rows`. */
function backupOf(rows: StoredRows): string {
  return JSON.stringify({
    format: 'redbridge-backup',
    schemaVersion: 3,
    exportedAt: '2026-01-03T00:00:00.000Z',
    settings: {},
    tables: { userTerms: [], phrases: [], reviewCards: [], reviewLog: [], ...rows },
  });
}

/** Restores `text` as a file through the options page's Data section; answers the message shown. */
async function restoreThroughOptions(options: Page, text: string): Promise<string> {
  await options.getByLabel('Restore from a backup file').setInputFiles({
    name: 'redbridge-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await options.getByRole('button', { name: 'Restore', exact: true }).click();
  const status = options.locator('.backup [role="alert"], .backup [role="status"]');
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/**
 * Writes rows straight into the extension's IndexedDB from its service worker, as an older version
 * that checked less would have restored them, then tells the background its glossary changed.
 */
async function writeToDatabase(session: ExtensionSession, rows: StoredRows): Promise<void> {
  const worker = await session.browser.worker();
  await worker.evaluate(
    async (rows) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('redbridge');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tables = Object.keys(rows);
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(tables, 'readwrite');
        for (const table of tables) for (const row of rows[table]!) transaction.objectStore(table).put(row);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    rows as Record<string, unknown[]>,
  );
}

/**
 * The state a backup restored by an older RedBridge leaves: a good term and a malformed one in the
 * glossary. Restoring the same file now is refused, naming the bad row, and changes nothing.
 */
async function seedMalformedGlossaryRow(session: ExtensionSession): Promise<void> {
  const rows: StoredRows = { userTerms: [GOOD_TERM, MALFORMED_TERM] };
  const options = await session.browser.openExtensionPage('options.html#data');
  expect(await restoreThroughOptions(options, backupOf(rows))).toBe(
    'This file was not restored and nothing was changed: it is damaged or incomplete ' +
      '(at userTerms[1].aliases[0]: must be a non-empty string).',
  );
  expect(await ask<unknown[]>(options, 'listUserTerms')).toEqual([]);

  await writeToDatabase(session, rows);
  // A write of the glossary through the protocol makes the background read it again.
  await ask(options, 'deleteUserTerms', { ids: ['user-none'] });
  await options.close();
}

/** Every unit of the cat-tax note that needs translating is translated, as the provider answers. */
async function expectWholeNoteTranslated(session: ExtensionSession): Promise<string[]> {
  const page = await session.browser.context.newPage();
  await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
  await loadAllComments(page);
  await expandAllReplies(page);
  const done = async () => {
    const snapshot = await snapshotUnits(page);
    const needing = snapshot.units.filter((view) => needsTranslation(view.unit, 'en'));
    const translated = needing.filter(
      ({ unit, overlays }) =>
        overlays.length === 1 &&
        overlays[0]!.state === 'done' &&
        overlays[0]!.text === expectedOverlayText(unit, 'en', (name) => `Reply to ${name}:`),
    );
    return { ...snapshot, needing, translated };
  };
  await readThrough(page);
  let seen = await done();
  // On a starved machine a reading pace can pass for a fling, whose comments wait until the reader
  // comes back to them: a second read gets them, as it would for a reader.
  if (seen.translated.length < seen.needing.length) {
    await readThrough(page);
    seen = await done();
  }
  const { units, strayOverlays, needing, translated } = seen;
  expect(needing.length).toBeGreaterThan(60);
  expect(translated.map((view) => view.unit.key)).toEqual(needing.map((view) => view.unit.key));
  expect(strayOverlays).toBe(0);
  await page.close();
  return units.flatMap((view) => view.overlays.flatMap((overlay) => overlay.terms));
}

describe('a backup restored by an older version, with a malformed glossary row', () => {
  const session = useExtensionSession({ locale: 'en-US' });
  beforeAll(() => seedMalformedGlossaryRow(session));

  it('still translates every unit of a note, with the good terms applied', async () => {
    const chips = await expectWholeNoteTranslated(session);
    // The good term is explained on the page; the malformed one is not used.
    expect(chips).toContain('煤球');
  });

  it('keeps the options page working, and lists the row it cannot read for the reader to delete', async () => {
    const options = await session.browser.openExtensionPage('options.html#glossary');
    const glossary = options.locator('#glossary');
    await glossary.getByText('Saved terms that could not be read and are not used: 1.').waitFor();
    const unreadable = glossary.getByRole('list', { name: 'Saved entries that could not be read' });
    expect(await unreadable.textContent()).toContain('user-broken');
    expect(await unreadable.textContent()).toContain('aliases[0]: must be a non-empty string');
    const terms = glossary.getByRole('list', { name: 'Your glossary terms' });
    expect(await terms.getByText('煤球').count()).toBe(1);
    // No section failed, and the others answer.
    expect(await options.getByText(/This section stopped working/).count()).toBe(0);
    expect(await options.getByRole('heading', { name: 'About and privacy' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Clear cache' }).count()).toBe(1);

    await glossary.getByRole('button', { name: 'Delete unreadable “红薯”' }).click();
    await glossary.getByText('Deleted 1 unreadable entries.').waitFor();
    await expect.poll(() => glossary.getByText(/could not be read/).count()).toBe(0);
    expect((await ask<{ id: string }[]>(options, 'listUserTerms')).map((term) => term.id)).toEqual([
      GOOD_TERM.id,
    ]);
    await options.close();
  });
});

/** A LibreTranslate server the fake provider answers for: one the reader never allowed. */
const UNGRANTED_SERVER = 'https://libre.redbridge.test';

describe('a backup that points a provider at an address the reader never allowed', () => {
  const session = useExtensionSession({ locale: 'en-US' });
  beforeAll(async () => {
    const options = await session.browser.openExtensionPage('options.html#data');
    const backup = JSON.parse(backupOf({})) as Record<string, unknown>;
    backup.settings = { providerOrder: ['libretranslate', 'google-html', 'microsoft-edge'] };
    backup.providers = { libretranslate: { baseUrl: UNGRANTED_SERVER } };
    expect(await restoreThroughOptions(options, JSON.stringify(backup))).toMatch(/^Restored/);
    await options.close();
    session.server.provider.reset();
  });

  it('translates every unit without sending anything to that address', async () => {
    await expectWholeNoteTranslated(session);
    expect(session.server.provider.requestsFor('libretranslate')).toEqual([]);
  });

  it('names the address in the options page, where it waits for the reader', async () => {
    const options = await session.browser.openExtensionPage('options.html#providers');
    const notice = options.getByRole('region', { name: 'Addresses from a backup' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`LibreTranslate: ${UNGRANTED_SERVER}`);
    const config = await ask<{ unconfirmed: string[] }>(options, 'getProviderConfig');
    expect(config.unconfirmed).toEqual(['libretranslate']);
    await options.close();
  });
});
