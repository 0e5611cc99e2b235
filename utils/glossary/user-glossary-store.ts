import type { RedBridgeDatabase } from '../db/database';
import type { UserTermRecord } from '../db/schema';
import { validateGlossaryEntry, type UserGlossaryEntry } from './glossary-schema';
import { normalizeTerm } from './normalize';
import type { UserTermInput } from './protocol';

/** A term the store refused, with every problem listed so the page can say exactly what is wrong. */
export class InvalidTermError extends Error {
  override readonly name = 'InvalidTermError';
  readonly kind = 'bad-request';
  constructor(message: string) {
    super(message);
  }
}

const TEXT_FIELDS = ['term', 'pinyin', 'literal'] as const;
const LOCALIZED_FIELDS = ['meaning', 'origin', 'rendering'] as const;

/** Trims what a form or a file sent and keeps only the fields a user term has. */
export function cleanUserTerm(input: UserTermInput): UserGlossaryEntry & { id?: string } {
  const entry: Record<string, unknown> = { lang: input.lang };
  if (input.id !== undefined) entry.id = input.id;
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (typeof value === 'string' && value.trim() !== '') entry[field] = value.trim();
    else if (value !== undefined && typeof value !== 'string') entry[field] = value;
  }
  if (input.category !== undefined) entry.category = input.category;
  for (const field of ['aliases', 'notInside'] as const) {
    const list = input[field];
    if (Array.isArray(list)) {
      const kept = list
        .map((item) => (typeof item === 'string' ? item.trim() : item))
        .filter((item) => item !== '');
      if (kept.length > 0) entry[field] = kept;
    } else if (list !== undefined) entry[field] = list;
  }
  for (const field of LOCALIZED_FIELDS) {
    const value = input[field];
    if (!value || typeof value !== 'object') {
      if (value !== undefined) entry[field] = value;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [language, text] of Object.entries(value)) {
      if (typeof text === 'string' && text.trim() === '') continue;
      kept[language] = typeof text === 'string' ? text.trim() : text;
    }
    if (Object.keys(kept).length > 0) entry[field] = kept;
  }
  if (input.example !== undefined) entry.example = input.example;
  return entry as unknown as UserGlossaryEntry & { id?: string };
}

/** The problems with one term, as one readable line per problem, prefixed with its label. */
export function problemsWith(input: UserTermInput, label: string): string[] {
  const problems = validateGlossaryEntry(cleanUserTerm(input), 'user');
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      problems.push(`${field}: must be a time in milliseconds`);
    }
  }
  return problems.map((problem) => `${label}: ${problem}`);
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

  /** Most recently edited first. */
  async list(): Promise<UserTermRecord[]> {
    return (await this.db.userTerms.orderBy('updatedAt').reverse().toArray()) as UserTermRecord[];
  }

  async save(input: UserTermInput): Promise<UserTermRecord> {
    const problems = problemsWith(input, input.term?.trim() || 'term');
    if (problems.length > 0) throw new InvalidTermError(problems.join('\n'));
    return this.db.transaction('rw', this.db.userTerms, async () => {
      const all = await this.db.userTerms.toArray();
      const existing =
        (input.id ? all.find((term) => term.id === input.id) : undefined) ??
        all.find((term) => identity(term) === identity(input));
      const clash = all.find((term) => term.id !== existing?.id && identity(term) === identity(input));
      if (clash) throw new InvalidTermError(`“${clash.term}” is already in your glossary.`);
      const record = this.recordOf(input, existing);
      await this.db.userTerms.put(record);
      return record;
    });
  }

  /** Removes terms and returns them as they were, for an undo. */
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
    const problems = inputs.flatMap((input, index) =>
      problemsWith(input, `#${index + 1} ${input.term ?? ''}`.trim()),
    );
    const seen = new Map<string, number>();
    inputs.forEach((input, index) => {
      if (typeof input.term !== 'string') return;
      const earlier = seen.get(identity(input));
      if (earlier !== undefined) problems.push(`#${index + 1} ${input.term}: repeats #${earlier + 1}`);
      else seen.set(identity(input), index);
    });
    if (problems.length > 0) throw new InvalidTermError(problems.join('\n'));

    return this.db.transaction('rw', this.db.userTerms, async () => {
      const all = await this.db.userTerms.toArray();
      const byId = new Map(all.map((term) => [term.id, term]));
      const byIdentity = new Map(all.map((term) => [identity(term), term]));
      let added = 0;
      let updated = 0;
      const records = inputs.map((input) => {
        const existing = (input.id ? byId.get(input.id) : undefined) ?? byIdentity.get(identity(input));
        if (existing) updated += 1;
        else added += 1;
        return this.recordOf(input, existing, true);
      });
      await this.db.userTerms.bulkPut(records);
      return { added, updated };
    });
  }

  private recordOf(
    input: UserTermInput,
    existing: UserTermRecord | undefined,
    keepTimes = false,
  ): UserTermRecord {
    const now = this.now();
    const cleaned = cleanUserTerm(input);
    return {
      ...cleaned,
      id: existing?.id ?? cleaned.id ?? newId(),
      createdAt: (keepTimes ? input.createdAt : undefined) ?? existing?.createdAt ?? now,
      updatedAt: (keepTimes ? input.updatedAt : undefined) ?? now,
    };
  }
}
