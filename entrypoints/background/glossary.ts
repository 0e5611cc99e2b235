import type { RedBridgeDatabase } from '@/utils/db/database';
import { BUNDLED_GLOSSARY } from '@/utils/glossary/bundled-glossary';
import { createGlossaryIndex, type GlossaryIndex } from '@/utils/glossary/glossary-index';
import { GLOSSARY_REVISION_KEY } from '@/utils/glossary/protocol';
import { UserGlossaryStore } from '@/utils/glossary/user-glossary-store';
import { onMessage } from '@/utils/transport/messages';
import { bumpRevision } from '@/utils/revision-signal';

/**
 * The glossary the background matches units against: the bundled memes and slang plus the user's
 * own terms. The index is built on first use and rebuilt after the user changes a term; open pages
 * hear of the change through `storage.local` and ask for their units' terms again.
 */
export class GlossaryService {
  readonly store: UserGlossaryStore;
  private built?: Promise<GlossaryIndex>;

  constructor(db: RedBridgeDatabase) {
    this.store = new UserGlossaryStore(db);
  }

  index(): Promise<GlossaryIndex> {
    this.built ??= this.store
      .contents()
      .then(({ terms, unreadable }) => {
        // Skipped, not fatal: one bad row must not stop every translation. The options page lists them.
        if (unreadable.length > 0)
          console.warn(`[RedBridge] ${unreadable.length} saved glossary terms could not be read`);
        return createGlossaryIndex(BUNDLED_GLOSSARY, terms);
      })
      .catch((error: unknown) => {
        this.built = undefined;
        throw error;
      });
    return this.built;
  }

  /** After a write: rebuild on next use, and tell open pages. */
  async changed(): Promise<void> {
    this.built = undefined;
    await bumpRevision(GLOSSARY_REVISION_KEY);
  }
}

export function setupGlossary(glossary: GlossaryService): void {
  const { store } = glossary;
  const thenNotify = async <T>(result: T): Promise<T> => {
    await glossary.changed();
    return result;
  };
  onMessage({
    listUserTerms: () => store.list(),
    listUnreadableUserTerms: () => store.unreadable(),
    saveUserTerm: async ({ entry }) => thenNotify(await store.save(entry)),
    deleteUserTerms: async ({ ids }) => thenNotify({ removed: await store.remove(ids) }),
    importUserTerms: async ({ terms }) => thenNotify(await store.import(terms)),
    clearUserTerms: async () => thenNotify({ removed: await store.clear() }),
  });
}
