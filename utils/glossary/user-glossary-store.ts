import * as v from 'valibot';
import type { RedBridgeDatabase } from '../db/database';
import type { UserTermRecord } from '../db/schema';
import { sortRows, type UnreadableRow } from '../db/unreadable-rows';
import { BadRequestError, joinProblems, problemsOf } from '../validation/bad-request';
import { repeatsIn } from '../validation/fields';
import { normalizeTerm } from './normalize';
import type { UserTermInput } from './protocol';
import {
  USER_TERMS_MAX_PER_REQUEST,
  userTermInput,
  userTermRecord,
  type CheckedUserTerm,
} from './user-term-schema';

/** A term the store refused, with every problem listed so the page can say exactly what is wrong. */
export class InvalidTermError extends BadRequestError {
  override readonly name = 'InvalidTermError';
}

/**
 * Each term read by `userTermInput`, or an `InvalidTermError` naming every problem of every term,
 * each line starting with that term's label.
 */
function checkTerms(inputs: readonly unknown[], labelOf: (input: unknown, index: number) => string) {
  const problems: string[] = [];
  const terms: CheckedUserTerm[] = [];
  inputs.forEach((input, index) => {
    const result = v.safeParse(userTermInput, input);
    if (result.success) terms.push(result.output);
    else problems.push(...problemsOf(result.issues, labelOf(input, index)));
  });
  if (problems.length > 0) throw new InvalidTermError(joinProblems(problems));
  return terms;
}

/** How a term sent by a page is named in a refusal: its term, trimmed, when it has one. */
function termOf(input: unknown): string {
  const term = (input as { term?: unknown } | null)?.term;
  return typeof term === 'string' ? term.trim() : '';
}

const identity = (entry: { term: string; lang: string }) => `${entry.lang}\u0000${normalizeTerm(entry.term)}`;

function newId(): string {
  return `user-${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/**
 * The user's own glossary terms in IndexedDB. Every write is validated first and done in one
 * transaction: a bad term, or one bad line of an import, changes nothing.
 */
export class UserGlossaryStore {
  constructor(
    private readonly db: RedBridgeDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored terms that read as terms (see `unreadable`), most recently edited first. */
  async list(): Promise<UserTermRecord[]> {
    return (await this.contents()).terms;
  }

  /** Stored rows that fail the term schema: never used, listed for the user to delete. */
  async unreadable(): Promise<UnreadableRow[]> {
    return (await this.contents()).unreadable;
  }

  /** Both of the above from one read of the table. */
  async contents(): Promise<{ terms: UserTermRecord[]; unreadable: UnreadableRow[] }> {
    const { readable, unreadable } = sortRows(await this.db.userTerms.toArray(), userTermRecord, 'term');
    // Sorted here rather than read through the `updatedAt` index: a row whose `updatedAt` is not a
    // valid key is missing from that index, and must still be checked and reported.
    const terms = readable.sort(
      (a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
    return { terms, unreadable };
  }

  private async readable(): Promise<UserTermRecord[]> {
    return sortRows(await this.db.userTerms.toArray(), userTermRecord, 'term').readable;
  }

  async save(input: UserTermInput): Promise<UserTermRecord> {
    const [entry] = checkTerms([input], (sent) => termOf(sent) || 'term');
    return this.db.transaction('rw', this.db.userTerms, async () => {
      const all = await this.readable();
      const existing =
        (entry!.id ? all.find((term) => term.id === entry!.id) : undefined) ??
        all.find((term) => identity(term) === identity(entry!));
      const clash = all.find((term) => term.id !== existing?.id && identity(term) === identity(entry!));
      if (clash) throw new InvalidTermError(`“${clash.term}” is already in your glossary.`);
      const record = this.recordOf(entry!, existing);
      await this.db.userTerms.put(record);
      return record;
    });
  }

  /** Removes terms, readable or not, and returns them as they were, for an undo. */
  async remove(ids: readonly string[]): Promise<UserTermRecord[]> {
    return this.db.transaction('rw', this.db.userTerms, async () => {
      const found = (await this.db.userTerms.bulkGet([...ids])).filter(
        (term): term is UserTermRecord => !!term,
      );
      await this.db.userTerms.bulkDelete(found.map((term) => term.id));
      return found;
    });
  }

  async clear(): Promise<number> {
    return this.db.transaction('rw', this.db.userTerms, async () => {
      const count = await this.db.userTerms.count();
      await this.db.userTerms.clear();
      return count;
    });
  }

  /**
   * Adds or updates many terms at once. A term with the id of one already stored replaces it; a term
   * with the same spelling and language as a stored one updates that one; anything else is added.
   * Ids and times carried by the file are kept, so a restored export is identical to what was saved.
   */
  async import(inputs: readonly UserTermInput[]): Promise<{ added: number; updated: number }> {
    if (inputs.length > USER_TERMS_MAX_PER_REQUEST)
      throw new InvalidTermError(`An import holds at most ${USER_TERMS_MAX_PER_REQUEST} terms.`);
    const label = (index: number, term: string) => `#${index + 1} ${term}`.trim();
    const terms = checkTerms(inputs, (input, index) => label(index, termOf(input)));
    const problems: string[] = [];
    for (const { index, first } of repeatsIn(terms, identity))
      problems.push(`${label(index, terms[index]!.term)}: repeats #${first + 1}`);
    for (const { index, first } of repeatsIn(terms, (term) => term.id ?? {}))
      problems.push(`${label(index, terms[index]!.term)}: id: repeats the id of #${first + 1}`);
    if (problems.length > 0) throw new InvalidTermError(joinProblems(problems));

    return this.db.transaction('rw', this.db.userTerms, async () => {
      const all = await this.readable();
      const byId = new Map(all.map((term) => [term.id, term]));
      const byIdentity = new Map(all.map((term) => [identity(term), term]));
      let added = 0;
      let updated = 0;
      const records = terms.map((term) => {
        const existing = (term.id ? byId.get(term.id) : undefined) ?? byIdentity.get(identity(term));
        if (existing) updated += 1;
        else added += 1;
        return this.recordOf(term, existing, true);
      });
      await this.db.userTerms.bulkPut(records);
      return { added, updated };
    });
  }

  private recordOf(
    entry: CheckedUserTerm,
    existing: UserTermRecord | undefined,
    keepTimes = false,
  ): UserTermRecord {
    const now = this.now();
    const { id, createdAt, updatedAt, ...fields } = entry;
    return {
      ...fields,
      id: existing?.id ?? id ?? newId(),
      createdAt: (keepTimes ? createdAt : undefined) ?? existing?.createdAt ?? now,
      updatedAt: (keepTimes ? updatedAt : undefined) ?? now,
    };
  }
}
