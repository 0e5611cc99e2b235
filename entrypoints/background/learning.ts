import { getDatabase } from '@/utils/db/database';
import { createBackup, parseBackup, readTables, restoreBackup, BackupError } from '@/utils/learning/backup';
import { toAnkiFile, toCsvFile } from '@/utils/learning/exports';
import { localDay } from '@/utils/learning/local-day';
import { createLookUp } from '@/utils/learning/look-up-service';
import { PhraseStore } from '@/utils/learning/phrase-store';
import { lookUpPayload } from '@/utils/learning/record-schemas';
import { LEARNING_REVISION_KEY } from '@/utils/learning/protocol';
import { onMessage } from '@/utils/transport/messages';
import { bumpRevision } from '@/utils/revision-signal';
import { loadSettings, resolveReaderLanguage, updateSettings } from '@/utils/settings';
import { checked } from '@/utils/validation/bad-request';
import { loadDictionary } from './dictionary-loader';
import { setupReviewBadge } from './review-badge';
import type { ProviderSettings } from '@/utils/translate/provider-config';
import type { ProviderConfigStore } from '@/utils/translate/provider-config-store';
import type { TranslationService } from './translation-service';

export interface LearningHooks {
  /** A restored backup replaced the user's glossary: rebuild what was built from it. */
  glossaryReplaced?: () => Promise<void>;
  /** Provider settings go into backups (keys never do) and come back from them unconfirmed. */
  providers?: Pick<ProviderConfigStore, 'read' | 'adopt'>;
}

/** The learner features in the background: look-up, phrasebook, review, exports and backups. */
export function setupLearning(translation: TranslationService, hooks: LearningHooks = {}): void {
  const db = getDatabase();
  const store = new PhraseStore(db);
  const badge = setupReviewBadge(db);
  /** Runs a change, then tells open pages and brings the badge up to date with it. */
  const changing = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    void badge.update();
    // The change is made: a page that misses the signal shows it on its next load.
    await bumpRevision(LEARNING_REVISION_KEY).catch((error: unknown) =>
      console.warn('[RedBridge] learning revision', error),
    );
    return result;
  };

  const lookUp = createLookUp({
    dictionary: loadDictionary,
    readerLanguage: async () => resolveReaderLanguage(await loadSettings()),
    canExplain: () => translation.canExplain(),
    translate: async (segments, from, to) =>
      (
        await translation.translate({
          requestId: `look-up-${crypto.randomUUID()}`,
          segments,
          from,
          to,
          priority: 'visible',
        })
      ).translations,
  });

  onMessage({
    lookUp: (request) => lookUp(checked(lookUpPayload, request)),
    savePhrase: (input) => changing(store.save(input)),
    listPhrases: () => store.list(),
    listUnreadablePhrases: () => store.unreadable(),
    updatePhrase: ({ id, patch }) => changing(store.update(id, patch)),
    deletePhrase: ({ id }) => changing(store.remove(id)),
    undoDeletePhrase: async (removed) => {
      await changing(store.restore(removed));
      return {};
    },
    getDueItems: ({ limit }) => store.dueItems(limit),
    gradeCard: ({ cardId, grade }) => changing(store.grade(cardId, grade)),
    getDueCount: async () => ({ due: await store.dueCount() }),
    getReviewProgress: ({ days }) => store.progress(days),
    exportPhrases: async ({ format }) => {
      const phrases = (await store.list()).reverse();
      const day = localDay(Date.now());
      return format === 'anki'
        ? { filename: `redbridge-anki-${day}.txt`, mimeType: 'text/plain', text: toAnkiFile(phrases) }
        : { filename: `redbridge-phrases-${day}.csv`, mimeType: 'text/csv', text: toCsvFile(phrases) };
    },
    exportBackup: async () => {
      const providers = (await hooks.providers?.read())?.providers;
      const backup = createBackup(await loadSettings(), await readTables(db), providers);
      return {
        filename: `redbridge-backup-${localDay(Date.now())}.json`,
        mimeType: 'application/json',
        text: JSON.stringify(backup, null, 1),
      };
    },
    restoreBackup: async ({ text }) => {
      let backup;
      try {
        backup = parseBackup(text);
      } catch (error) {
        if (error instanceof BackupError)
          return { restored: false, problem: error.problem, detail: error.detail };
        throw error;
      }
      const adoptProviders = async (providers: ProviderSettings) => {
        await hooks.providers?.adopt(providers);
        translation.providerConfigChanged();
      };
      await changing(restoreBackup(db, backup, updateSettings, adoptProviders));
      await hooks.glossaryReplaced?.();
      return {
        restored: true,
        phrases: backup.tables.phrases.length,
        userTerms: backup.tables.userTerms.length,
        reviews: backup.tables.reviewLog.length,
      };
    },
  });
}
