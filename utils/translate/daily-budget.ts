import type { RedBridgeDatabase } from '../db/database';
import { localDay } from './stats-store';
import { systemTimers, type Timers } from './timers';
import {
  ProviderError,
  type ExplainRequest,
  type ProviderId,
  type ProviderRequest,
  type TranslationProvider,
} from './types';

/**
 * What each keyed provider has been sent today, kept in the database so a restarted worker does
 * not start counting from zero. Characters are counted when a request is sent, before it is
 * answered: a request that fails may still be billed.
 */
export class DailySpending {
  /** Today's counts, read once per day and then kept in step with every write. */
  private today?: { day: string; characters: Partial<Record<ProviderId, number>> };
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: RedBridgeDatabase,
    private readonly timers: Pick<Timers, 'now'> = systemTimers,
  ) {}

  /** Characters sent to `provider` today. */
  async spent(provider: ProviderId): Promise<number> {
    return (await this.current()).characters[provider] ?? 0;
  }

  /**
   * Counts `characters` against `provider`'s budget for today, or throws ProviderError('budget')
   * when they would take it over `limit`; a limit of 0 means no budget.
   */
  async reserve(provider: ProviderId, characters: number, limit: number): Promise<void> {
    const record = await this.current();
    const spent = record.characters[provider] ?? 0;
    if (limit > 0 && spent + characters > limit) {
      throw new ProviderError(
        'budget',
        `${provider}: today's budget of ${limit.toLocaleString('en')} characters is spent`,
        { provider },
      );
    }
    record.characters[provider] = spent + characters;
    const row = { day: record.day, characters: { ...record.characters } };
    this.writing = this.writing.catch(() => undefined).then(() => this.db.spending.put(row));
    await this.writing;
  }

  private async current() {
    const day = localDay(this.timers.now());
    if (this.today?.day !== day) {
      const row = await this.db.spending.get(day);
      if (this.today?.day !== day) this.today = { day, characters: { ...row?.characters } };
    }
    return this.today!;
  }
}

/** `provider`, refusing any request that would take it over its daily budget of characters. */
export function withDailyBudget(
  provider: TranslationProvider,
  limit: number,
  spending: DailySpending,
): TranslationProvider {
  if (limit <= 0) return provider;
  const explain = provider.explain?.bind(provider);
  return {
    id: provider.id,
    limits: provider.limits,
    async translate(request: ProviderRequest) {
      const characters = request.texts.reduce((sum, text) => sum + text.length, 0);
      await spending.reserve(provider.id, characters, limit);
      return provider.translate(request);
    },
    ...(explain
      ? {
          explain: async (request: ExplainRequest) => {
            await spending.reserve(provider.id, request.term.length + request.context.length, limit);
            return explain(request);
          },
        }
      : {}),
  };
}
